import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guestAllowedFields, guestDeniedFields } from './guest-policy.ts';

describe('guest policy from schema markers', () => {
  it('allows only [public] Query/Subscription fields, never mutations, honouring renamed roots and extensions', () => {
    const sdl = `
      schema { query: Root mutation: Writes subscription: Subscription }
      type Root { "[public] open" feed: Int  "private" me: Int  secret: Int }
      extend type Root { "  [public] also open" extra: Int }
      type Writes { "[public] not really" post: Int }
      type Subscription { "[public]" live: Int  mine: Int }
      type Query { "[public] not a root here" ignored: Int }
    `;
    expect(guestAllowedFields(sdl).sort()).toEqual(['Root.extra', 'Root.feed', 'Subscription.live']);
    expect(guestDeniedFields(sdl).sort()).toEqual(['Root.me', 'Root.secret', 'Subscription.mine', 'Writes.post']);
  });

  it("derives Cruddur's guest surface from schema.graphql", () => {
    const sdl = fs.readFileSync(path.resolve(import.meta.dirname, '../../schema.graphql'), 'utf8');
    expect(guestAllowedFields(sdl).sort()).toEqual(
      ['Query.publicFeed', 'Query.user', 'Query.crud', 'Query.userCruds', 'Query.replies', 'Query.searchUsers', 'Query.trendingHashtags', 'Query.hashtagCruds', 'Query.hashtagHistory', 'Query.followers', 'Query.following', 'Query.userReplies', 'Subscription.onCrudChanged', 'Subscription.onUserChanged'].sort(),
    );
    expect(guestDeniedFields(sdl)).toContain('Mutation.createCrud');
    expect(guestDeniedFields(sdl)).toContain('Mutation.createAvatarUpload');
    expect(guestDeniedFields(sdl)).toContain('Mutation.deleteAccount');
    expect(guestDeniedFields(sdl)).toContain('Query.myInsights');
  });
});
