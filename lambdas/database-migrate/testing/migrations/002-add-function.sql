CREATE FUNCTION thing_count() RETURNS bigint LANGUAGE sql AS $$
  SELECT count(*) FROM thing; -- a semicolon inside the body
$$;
CREATE INDEX thing_label ON thing (label);
