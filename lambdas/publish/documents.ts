/**
 * The publish mutations the stream consumers send. AppSync delivers to subscribers only what the
 * publishing mutation selected, so these select every field a subscriber may ask for (all but the
 * per-viewer ones, which have no viewer under IAM and stay null).
 */
const USER = 'id handle displayName bio avatarUrl createdAt followersCount followingCount crudsCount';
const CRUD = `id message createdAt expiresAt replyToId repliesCount likesCount repostsCount hashtags mentions media { url thumbnailUrl alt width height } author { ${USER} }`;

export const PUBLISH_FEED_ITEM = `mutation PublishFeedItem($input: PublishFeedItemInput!) {
  publishFeedItem(input: $input) { id recipientId reason createdAt repostedBy { ${USER} } crud { ${CRUD} } }
}`;

/** One event for every follower of a pulled account (decision 026); same selection as PUBLISH_FEED_ITEM. */
export const PUBLISH_CELEBRITY_FEED_ITEM = `mutation PublishCelebrityFeedItem($input: PublishFeedItemInput!) {
  publishCelebrityFeedItem(input: $input) { id recipientId reason createdAt repostedBy { ${USER} } crud { ${CRUD} } }
}`;

export const PUBLISH_NOTIFICATION = `mutation PublishNotification($input: PublishNotificationInput!) {
  publishNotification(input: $input) { id recipientId type createdAt read actor { ${USER} } crud { ${CRUD} } }
}`;

export const PUBLISH_MESSAGE = `mutation PublishMessage($input: PublishMessageInput!) {
  publishMessage(input: $input) { id conversationId senderId body createdAt recipientId sender { ${USER} } }
}`;

export const PUBLISH_CRUD_CHANGED = `mutation PublishCrudChanged($input: PublishCrudChangedInput!) {
  publishCrudChanged(input: $input) { id likesCount repliesCount repostsCount deleted }
}`;

export const PUBLISH_USER_CHANGED = `mutation PublishUserChanged($input: PublishUserChangedInput!) {
  publishUserChanged(input: $input) { id handle displayName bio avatarUrl }
}`;
