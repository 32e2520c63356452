/**
 * The demo conversation between andrewbrown and bayko. The original seeded a long dialogue
 * between the two; this one is Cruddur's own, long enough (30 messages) to page through.
 * `from` is the sender's handle.
 */
export const demoDialogue: { from: 'andrewbrown' | 'bayko'; body: string }[] = [
  { from: 'andrewbrown', body: 'Have you seen the new Cruddur? It runs entirely offline now.' },
  { from: 'bayko', body: 'Offline? The whole AppSync API?' },
  { from: 'andrewbrown', body: 'Resolvers, subscriptions, Cognito, the table with streams and TTL. One npm start.' },
  { from: 'bayko', body: 'I will believe it when my crud shows up in your feed without a refresh.' },
  { from: 'andrewbrown', body: 'Post one. I follow you.' },
  { from: 'bayko', body: 'Posted. #serverless all the way down.' },
  { from: 'andrewbrown', body: 'Got it. Live. And I liked it, check your notifications.' },
  { from: 'bayko', body: 'There it is. A like from andrewbrown, delivered over the WebSocket.' },
  { from: 'andrewbrown', body: 'Cruds expire, remember. Yours has seven days to live.' },
  { from: 'bayko', body: 'Then I had better say something worth remembering.' },
  { from: 'andrewbrown', body: 'Too late for that.' },
  { from: 'bayko', body: 'Rude. Replying to your crud about the bootcamp instead.' },
  { from: 'andrewbrown', body: 'Replies count now. The counter used to stay at zero.' },
  { from: 'bayko', body: 'And conversations no longer vanish in January?' },
  { from: 'andrewbrown', body: 'Message ids are ULIDs. Time order, no year prefix anywhere.' },
  { from: 'bayko', body: 'Good. I lost a whole thread to that bug last New Year.' },
  { from: 'andrewbrown', body: 'And only the two of us can read this one. Membership is checked on every read.' },
  { from: 'bayko', body: 'Even on the subscription?' },
  { from: 'andrewbrown', body: 'Especially on the subscription.' },
  { from: 'bayko', body: 'What about londo? He keeps asking to join.' },
  { from: 'andrewbrown', body: 'He can start his own conversation. One per pair of users.' },
  { from: 'bayko', body: 'Fair. How are the hashtags counted?' },
  { from: 'andrewbrown', body: 'Six-hour buckets. Trending is the current one plus the one before.' },
  { from: 'bayko', body: 'So #cloud will trend tonight if we keep at it.' },
  { from: 'andrewbrown', body: 'That is the plan. Altbrown is already on it.' },
  { from: 'bayko', body: 'Of course he is.' },
  { from: 'andrewbrown', body: 'Unread counts work too. You have a few from me right now.' },
  { from: 'bayko', body: 'Marking them read. Happy?' },
  { from: 'andrewbrown', body: 'Very. Ship it.' },
  { from: 'bayko', body: 'Shipping. See you in the feed.' },
];
