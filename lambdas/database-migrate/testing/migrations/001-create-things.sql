-- The runner's own fixture: a table, and a value with a semicolon in it.
CREATE TABLE thing (
  id serial PRIMARY KEY,
  label text NOT NULL DEFAULT 'a;b'
);
INSERT INTO thing (label) VALUES ('first');
