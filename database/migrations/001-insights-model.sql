-- Insights: the analytics model fed from the table's stream (docs/data-model.md, "Insights
-- (Postgres)"; decision 023). Third normal form: each fact once, keyed by the DynamoDB item it
-- mirrors. Every mirrored row keeps the stream sequence number of the last change applied to it
-- (source_seq), so a redelivered or out-of-order record older than what is stored changes nothing.
-- Rows first seen as a reference (a like of a crud whose INSERT is not here yet) are created as
-- stubs with source_seq 0 and completed when their own record arrives.
-- All times are timestamptz; days are UTC days.

CREATE TABLE users (
  id text PRIMARY KEY,                 -- Cognito sub
  handle text,                         -- null until the profile is seen, and after account deletion
  joined_at timestamptz,
  removed_at timestamptz,              -- account deleted
  source_seq numeric(40, 0) NOT NULL DEFAULT 0
);

CREATE TABLE cruds (
  id text PRIMARY KEY,                 -- ULID
  author_id text NOT NULL REFERENCES users (id),
  -- The parent of a reply. No foreign key: a parent that expired before the analytics database
  -- existed is never seen, and a reply must still be recorded.
  reply_to_id text,
  -- The text, only while the crud lives: null once it is deleted or expires (privacy).
  message text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  removed_at timestamptz,
  removal text CHECK (removal IN ('deleted', 'expired')),
  source_seq numeric(40, 0) NOT NULL DEFAULT 0,
  CHECK ((removal IS NULL) = (removed_at IS NULL)),
  CHECK (removal IS NULL OR message IS NULL)
);
CREATE INDEX cruds_author_created ON cruds (author_id, created_at);
CREATE INDEX cruds_reply_to ON cruds (reply_to_id) WHERE reply_to_id IS NOT NULL;

CREATE TABLE hashtags (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tag text NOT NULL UNIQUE             -- lower-case, without '#'
);

CREATE TABLE crud_hashtags (
  crud_id text NOT NULL REFERENCES cruds (id),
  hashtag_id integer NOT NULL REFERENCES hashtags (id),
  PRIMARY KEY (crud_id, hashtag_id)
);
CREATE INDEX crud_hashtags_hashtag ON crud_hashtags (hashtag_id);

-- Likes and reposts: one row per (crud, user, kind), as in the table. An undo (unlike, unrepost)
-- keeps the row with undone_at; a later re-like (a newer record) revives it with its new time.
CREATE TABLE engagements (
  crud_id text NOT NULL REFERENCES cruds (id),
  user_id text NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('like', 'repost')),
  created_at timestamptz NOT NULL,
  -- Set when the row was deleted by a request (an undo, or the clean-up after its crud went);
  -- not set for TTL expiry.
  undone_at timestamptz,
  source_seq numeric(40, 0) NOT NULL DEFAULT 0,
  PRIMARY KEY (crud_id, user_id, kind)
);
CREATE INDEX engagements_user_created ON engagements (user_id, created_at);

-- Follows are kept as events, so an unfollow stays counted on its day after a re-follow. The
-- natural key makes redelivery and backfill idempotent: a follow happens at its row's createdAt,
-- an unfollow at its record's time (never before the follow it ends).
CREATE TABLE follow_events (
  follower_id text NOT NULL REFERENCES users (id),
  followee_id text NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('follow', 'unfollow')),
  at timestamptz NOT NULL,
  PRIMARY KEY (followee_id, follower_id, kind, at)
);
CREATE INDEX follow_events_follower ON follow_events (follower_id);
