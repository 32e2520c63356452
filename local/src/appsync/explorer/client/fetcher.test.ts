import { describe, expect, it } from 'vitest';
import { currentOperationName, isSubscription, withCredential } from './fetcher.ts';

describe('explorer fetcher routing', () => {
  it('routes by the operation GraphiQL runs, parsed from the query text', () => {
    expect(isSubscription('subscription { onCrudChanged(id: "1") { id } }')).toBe(true);
    expect(isSubscription('{ __typename }')).toBe(false);
    expect(isSubscription('mutation { likeCrud(id: "1") { id } }')).toBe(false);
    const doc = 'query Q { __typename } subscription S { onCrudChanged(id: "1") { id } }';
    expect(isSubscription(doc, 'S')).toBe(true);
    expect(isSubscription(doc, 'Q')).toBe(false);
    expect(isSubscription(doc)).toBe(false); // ambiguous: the server reports it over HTTP
    expect(isSubscription('subscription {')).toBe(false);
  });

  it('sends the token bar’s token unless the Headers tab sets a credential', () => {
    expect(withCredential(undefined, 'guest')).toEqual({ Authorization: 'guest' });
    expect(withCredential({ authorization: 'mine', 'x-trace': 1 }, 'guest')).toEqual({ authorization: 'mine', 'x-trace': '1' });
    expect(withCredential({ 'X-Api-Key': 'k' }, 'guest')).toEqual({ 'X-Api-Key': 'k' });
    expect(withCredential({}, '')).toEqual({});
  });

  it('drops an operation name the text no longer has (GraphiQL updates it on a debounce)', () => {
    const sub = 'subscription MyNotifications($recipientId: ID!) { onNotification(recipientId: $recipientId) { id } }';
    expect(currentOperationName(sub, 'WhoAmI')).toBe('MyNotifications');
    expect(currentOperationName('{ a }', 'WhoAmI')).toBeUndefined();
    expect(currentOperationName(sub, 'MyNotifications')).toBe('MyNotifications');
    expect(currentOperationName('query A { a } query B { b }', 'B')).toBe('B');
    // With several operations a stale name stays: the server's error then says which is unknown.
    expect(currentOperationName('query A { a } query B { b }', 'C')).toBe('C');
    expect(currentOperationName('{ a }', null)).toBeUndefined();
  });
});
