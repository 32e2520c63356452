-- What counts, defined once as views; the Insights resolvers read only these (and the tables'
-- keys). Deleting is undoing, for whoever deletes: a deleted crud no longer counts anywhere, nor
-- does anything it received; a deleted reply no longer counts as a reply; an unlike or unrepost
-- takes the like or repost back. An expired crud still counts (it happened), without its text.
-- A like, repost or reply removed by the clean-up after its crud went is not an undo: it was
-- removed at or after the crud (the stream's record times are whole seconds, hence >=).
-- Days are UTC days. Rollups are plain views: each Insights request reads one user's rows through
-- the (author, created_at) and key indexes, so there is nothing to keep fresh.

CREATE VIEW counted_cruds AS
  SELECT id, author_id, reply_to_id, message, created_at, expires_at, removed_at, removal
  FROM cruds
  WHERE removal IS DISTINCT FROM 'deleted';

CREATE VIEW counted_engagements AS
  SELECT e.crud_id, e.user_id, e.kind, e.created_at, c.author_id AS crud_author_id
  FROM engagements e
  JOIN cruds c ON c.id = e.crud_id
  WHERE c.removal IS DISTINCT FROM 'deleted'
    AND (e.undone_at IS NULL OR (c.removed_at IS NOT NULL AND e.undone_at >= c.removed_at));

CREATE VIEW counted_replies AS
  SELECT r.id, r.reply_to_id AS parent_id, r.author_id, r.created_at, p.author_id AS parent_author_id
  FROM cruds r
  JOIN cruds p ON p.id = r.reply_to_id
  WHERE p.removal IS DISTINCT FROM 'deleted'
    AND (r.removal IS DISTINCT FROM 'deleted' OR (p.removed_at IS NOT NULL AND r.removed_at >= p.removed_at));

-- Who follows whom now: the latest event of each pair is a follow (an unfollow wins a tie).
CREATE VIEW current_follows AS
  SELECT follower_id, followee_id, at AS since
  FROM (
    SELECT DISTINCT ON (followee_id, follower_id) followee_id, follower_id, kind, at
    FROM follow_events
    ORDER BY followee_id, follower_id, at DESC, kind DESC
  ) latest
  WHERE kind = 'follow';

-- What happened to a user, one row per event: their own top-level cruds, and the likes, reposts,
-- replies (by others), follows and unfollows they received.
CREATE VIEW user_events AS
  SELECT author_id AS user_id, 'crud' AS kind, created_at AS at
    FROM counted_cruds WHERE reply_to_id IS NULL
  UNION ALL
  SELECT crud_author_id, kind, created_at FROM counted_engagements
  UNION ALL
  SELECT parent_author_id, 'reply', created_at FROM counted_replies WHERE author_id <> parent_author_id
  UNION ALL
  SELECT followee_id, kind, at FROM follow_events;

-- The daily rollup behind Insights.daily.
CREATE VIEW user_daily_activity AS
  SELECT
    user_id,
    (at AT TIME ZONE 'UTC')::date AS day,
    count(*) FILTER (WHERE kind = 'crud')::int AS cruds,
    count(*) FILTER (WHERE kind = 'like')::int AS likes,
    count(*) FILTER (WHERE kind = 'repost')::int AS reposts,
    count(*) FILTER (WHERE kind = 'reply')::int AS replies,
    count(*) FILTER (WHERE kind = 'follow')::int AS new_followers,
    count(*) FILTER (WHERE kind = 'unfollow')::int AS unfollows
  FROM user_events
  GROUP BY user_id, (at AT TIME ZONE 'UTC')::date;

-- What a user did: cruds and replies written, likes and reposts given (for follower activity).
CREATE VIEW user_actions AS
  SELECT author_id AS user_id, created_at AS at FROM counted_cruds
  UNION ALL
  SELECT user_id, created_at FROM counted_engagements;

-- Uses of each hashtag: one per counted crud carrying it, on the crud's day.
CREATE VIEW hashtag_uses AS
  SELECT h.tag, c.author_id, c.id AS crud_id, c.created_at
  FROM crud_hashtags ch
  JOIN hashtags h ON h.id = ch.hashtag_id
  JOIN counted_cruds c ON c.id = ch.crud_id;

-- A crud's lifetime engagement (Insights.topCruds).
CREATE VIEW crud_engagement AS
  SELECT
    c.id AS crud_id,
    (SELECT count(*) FROM counted_engagements e WHERE e.crud_id = c.id AND e.kind = 'like')::int AS likes,
    (SELECT count(*) FROM counted_engagements e WHERE e.crud_id = c.id AND e.kind = 'repost')::int AS reposts,
    (SELECT count(*) FROM counted_replies r WHERE r.parent_id = c.id AND r.author_id <> r.parent_author_id)::int AS replies
  FROM counted_cruds c;
