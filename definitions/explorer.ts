/**
 * What the offline GraphQL explorer offers for Cruddur: the query that tells it who the caller
 * is, and one example operation per everyday feature. Variables named in `callerIdVariables` are
 * filled with the signed-in caller's id, because every personal subscription is filtered by it
 * (`onNotification(recipientId:)` etc.: subscribing with anyone else's id is refused).
 */
export interface ExplorerExample {
  /** The feature the example belongs to (its heading in the list). */
  group: string;
  title: string;
  /** One sentence: what it shows and what to do with it. */
  description: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Variables set to the signed-in caller's id. */
  callerIdVariables?: string[];
}

/** Signed out, the explorer sends what the web app sends: the authorizer admits `guest` to public fields. */
export const explorerGuest = { token: 'guest', description: 'public queries and subscriptions only.' };

/** Shown above the examples. */
export const explorerExamplesNote =
  "Personal subscriptions (your feed, notifications, messages) are filtered by the id of the user they are for, and the API refuses any id but your own: it is the id that { me { id } } returns.";

/** How the explorer learns the caller's id and a label for it (dotted paths into `data`). */
export const explorerCaller = { query: 'query WhoAmI { me { id handle } }', idPath: 'me.id', labelPath: 'me.handle' };

const CRUD = 'id message createdAt expiresAt likesCount repliesCount repostsCount viewerHasLiked viewerHasReposted author { handle displayName }';
const PASTE_CRUD_ID = 'paste a crud id from a feed';

export const explorerExamples: ExplorerExample[] = [
  { group: 'Profile', title: 'Who am I', description: 'Your profile and id; the id is what personal subscriptions filter on.', query: `query Me {\n  me { id handle displayName bio followersCount followingCount crudsCount unreadNotificationsCount }\n}` },
  { group: 'Profile', title: 'A user by handle', description: 'Anyone may read a profile, guests included.', query: `query User($handle: String!) {\n  user(handle: $handle) { id handle displayName bio followersCount viewerFollows followsViewer }\n}`, variables: { handle: 'andrewbrown' } },
  { group: 'Profile', title: 'Follow someone', description: 'Their new cruds then reach your home feed, live.', query: `mutation Follow($handle: String!) {\n  follow(handle: $handle) { handle followersCount viewerFollows }\n}`, variables: { handle: 'londo' } },
  { group: 'Feed', title: 'Home feed', description: 'Cruds and reposts from the people you follow, newest first; pass nextToken for the next page.', query: `query HomeFeed($limit: Int, $nextToken: String) {\n  homeFeed(limit: $limit, nextToken: $nextToken) {\n    items { id reason repostedBy { handle } crud { ${CRUD} } }\n    nextToken\n  }\n}`, variables: { limit: 10 } },
  { group: 'Feed', title: 'Public feed', description: 'Every live crud, for guests too.', query: `query PublicFeed($limit: Int) {\n  publicFeed(limit: $limit) { items { ${CRUD} } nextToken }\n}`, variables: { limit: 10 } },
  { group: 'Feed', title: 'Trending hashtags', description: 'Tags counted over the last 6 to 12 hours.', query: 'query Trending {\n  trendingHashtags(limit: 10) { tag count }\n}' },
  { group: 'Post', title: 'Post a crud', description: 'Up to 240 characters; it expires after the chosen time.', query: `mutation Post($message: String!, $expiresIn: ExpiresIn) {\n  createCrud(message: $message, expiresIn: $expiresIn) { ${CRUD} }\n}`, variables: { message: 'Hello from the explorer #graphql', expiresIn: 'ONE_DAY' } },
  { group: 'Post', title: 'Reply to a crud', description: 'Replies expire with the crud they answer.', query: `mutation Reply($crudId: ID!, $message: String!) {\n  replyToCrud(crudId: $crudId, message: $message) { id message replyToId }\n}`, variables: { crudId: PASTE_CRUD_ID, message: 'Nice one' } },
  { group: 'Post', title: 'Delete your crud', description: 'Only the author can delete a crud.', query: 'mutation Delete($id: ID!) {\n  deleteCrud(id: $id)\n}', variables: { id: PASTE_CRUD_ID } },
  { group: 'Like', title: 'Like a crud', description: 'Liking twice is one like; unlikeCrud undoes it.', query: 'mutation Like($id: ID!) {\n  likeCrud(id: $id) { id likesCount viewerHasLiked }\n}', variables: { id: PASTE_CRUD_ID } },
  { group: 'Like', title: 'Repost a crud', description: "Puts it into your followers' feeds; unrepostCrud undoes it.", query: 'mutation Repost($id: ID!) {\n  repostCrud(id: $id) { id repostsCount viewerHasReposted }\n}', variables: { id: PASTE_CRUD_ID } },
  { group: 'Messages', title: 'Send a direct message', description: 'By handle; the pair always shares one conversation.', query: 'mutation Send($toHandle: String, $body: String!) {\n  sendMessage(toHandle: $toHandle, body: $body) { id conversationId body createdAt }\n}', variables: { toHandle: 'londo', body: 'Hi from the explorer' } },
  { group: 'Messages', title: 'Your conversations', description: 'Your inbox, most recent activity first, with unread counts.', query: 'query Inbox {\n  conversations(limit: 20) { items { id peer { handle } lastMessage { body createdAt } unreadCount } nextToken }\n}' },
  { group: 'Notifications', title: 'Your notifications', description: 'Likes, replies, follows, mentions and reposts, newest first.', query: 'query Notifications {\n  notifications(limit: 20) { items { id type read createdAt actor { handle } crud { id message } } nextToken }\n}' },
  { group: 'Notifications', title: 'Mark all read', description: 'One write, however many there are.', query: 'mutation MarkRead {\n  markNotificationsRead\n}' },
  { group: 'Live', title: 'Your feed, live', description: 'Run it, then post from another account you follow: each new item arrives here.', query: 'subscription MyFeed($recipientId: ID!) {\n  onFeedItem(recipientId: $recipientId) { id reason crud { id message author { handle } } }\n}', callerIdVariables: ['recipientId'] },
  { group: 'Live', title: 'Your notifications, live', description: 'Run it, then like one of your cruds from another account.', query: 'subscription MyNotifications($recipientId: ID!) {\n  onNotification(recipientId: $recipientId) { id type createdAt actor { handle } }\n}', callerIdVariables: ['recipientId'] },
  { group: 'Live', title: 'Your direct messages, live', description: 'Every message sent to you, in any conversation.', query: 'subscription MyInbox($recipientId: ID!) {\n  onInboxMessage(recipientId: $recipientId) { id conversationId body senderId sender { handle } }\n}', callerIdVariables: ['recipientId'] },
  { group: 'Live', title: "A crud's counters, live", description: 'Anyone may watch a crud: likes, replies and reposts as they change.', query: 'subscription Counters($id: ID!) {\n  onCrudChanged(id: $id) { id likesCount repliesCount repostsCount deleted }\n}', variables: { id: PASTE_CRUD_ID } },
];
