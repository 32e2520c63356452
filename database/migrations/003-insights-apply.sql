-- Applies a batch of changes derived from stream records (lambdas/insights-sink/changes.ts) in
-- order, in one statement, so a batch of 100 records is one Data API call and all-or-nothing.
-- Exactly-once effect: a mirrored row is only overwritten by a change whose sequence number is at
-- least the stored one (the same record again rewrites the same values; an older one is ignored);
-- follow events are keyed by what they are, so applying one twice adds nothing. The backfill sends
-- the same changes with sequence number 0: they fill stubs and empty rows, never newer ones.

CREATE FUNCTION insights_ensure_user(p_id text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO users (id) VALUES (p_id) ON CONFLICT (id) DO NOTHING;
$$;

CREATE FUNCTION insights_ensure_crud(p_id text, p_author text, p_created timestamptz, p_expires timestamptz)
RETURNS void LANGUAGE sql AS $$
  INSERT INTO cruds (id, author_id, created_at, expires_at) VALUES (p_id, p_author, p_created, p_expires)
  ON CONFLICT (id) DO NOTHING;
$$;

CREATE FUNCTION insights_set_hashtags(p_crud text, p_tags jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM crud_hashtags WHERE crud_id = p_crud;
  IF p_tags IS NULL OR jsonb_typeof(p_tags) <> 'array' THEN
    RETURN;
  END IF;
  INSERT INTO hashtags (tag)
    SELECT DISTINCT t FROM jsonb_array_elements_text(p_tags) AS t ORDER BY t
    ON CONFLICT (tag) DO NOTHING;
  INSERT INTO crud_hashtags (crud_id, hashtag_id)
    SELECT p_crud, h.id FROM hashtags h WHERE h.tag IN (SELECT jsonb_array_elements_text(p_tags));
END;
$$;

CREATE FUNCTION insights_apply(p_changes jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  c jsonb;
  seq numeric(40, 0);
  rows_changed integer;
  applied integer := 0;
BEGIN
  FOR c IN SELECT value FROM jsonb_array_elements(p_changes) LOOP
    seq := (c->>'seq')::numeric;
    CASE c->>'entity'
    WHEN 'user' THEN
      INSERT INTO users AS t (id, handle, joined_at, removed_at, source_seq)
      VALUES (c->>'id', c->>'handle', (c->>'joinedAt')::timestamptz, (c->>'removedAt')::timestamptz, seq)
      ON CONFLICT (id) DO UPDATE
        SET handle = excluded.handle, joined_at = coalesce(excluded.joined_at, t.joined_at),
            removed_at = excluded.removed_at, source_seq = excluded.source_seq
        WHERE t.source_seq <= excluded.source_seq;
    WHEN 'crud' THEN
      PERFORM insights_ensure_user(c->>'authorId');
      INSERT INTO cruds AS t (id, author_id, reply_to_id, message, created_at, expires_at, removed_at, removal, source_seq)
      VALUES (
        c->>'id', c->>'authorId', c->>'replyToId',
        CASE WHEN c->>'removal' IS NULL THEN c->>'message' END,
        (c->>'createdAt')::timestamptz, (c->>'expiresAt')::timestamptz,
        (c->>'removedAt')::timestamptz, c->>'removal', seq)
      ON CONFLICT (id) DO UPDATE
        SET author_id = excluded.author_id, reply_to_id = excluded.reply_to_id, message = excluded.message,
            created_at = excluded.created_at, expires_at = excluded.expires_at,
            removed_at = excluded.removed_at, removal = excluded.removal, source_seq = excluded.source_seq
        WHERE t.source_seq <= excluded.source_seq;
      GET DIAGNOSTICS rows_changed = ROW_COUNT;
      IF rows_changed > 0 THEN
        -- A deleted crud's hashtags go with its text; an expired one keeps them (they counted).
        PERFORM insights_set_hashtags(c->>'id', CASE WHEN c->>'removal' = 'deleted' THEN NULL ELSE c->'hashtags' END);
      END IF;
    WHEN 'engagement' THEN
      PERFORM insights_ensure_user(c->>'userId');
      PERFORM insights_ensure_user(c->>'crudAuthorId');
      PERFORM insights_ensure_crud(c->>'crudId', c->>'crudAuthorId', (c->>'crudCreatedAt')::timestamptz, (c->>'crudExpiresAt')::timestamptz);
      INSERT INTO engagements AS t (crud_id, user_id, kind, created_at, undone_at, source_seq)
      VALUES (c->>'crudId', c->>'userId', c->>'kind', (c->>'createdAt')::timestamptz, (c->>'undoneAt')::timestamptz, seq)
      ON CONFLICT (crud_id, user_id, kind) DO UPDATE
        SET created_at = excluded.created_at, undone_at = excluded.undone_at, source_seq = excluded.source_seq
        WHERE t.source_seq <= excluded.source_seq;
    WHEN 'follow' THEN
      PERFORM insights_ensure_user(c->>'followerId');
      PERFORM insights_ensure_user(c->>'followeeId');
      INSERT INTO follow_events (follower_id, followee_id, kind, at)
      VALUES (c->>'followerId', c->>'followeeId', 'follow', (c->>'followedAt')::timestamptz)
      ON CONFLICT DO NOTHING;
      IF c->>'unfollowedAt' IS NOT NULL THEN
        INSERT INTO follow_events (follower_id, followee_id, kind, at)
        VALUES (c->>'followerId', c->>'followeeId', 'unfollow',
                greatest((c->>'unfollowedAt')::timestamptz, (c->>'followedAt')::timestamptz))
        ON CONFLICT DO NOTHING;
      END IF;
    ELSE
      RAISE EXCEPTION 'insights_apply: unknown entity %', coalesce(c->>'entity', 'null') USING ERRCODE = '22023';
    END CASE;
    applied := applied + 1;
  END LOOP;
  RETURN applied;
END;
$$;
