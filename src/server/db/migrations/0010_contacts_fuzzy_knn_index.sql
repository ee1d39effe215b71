-- Fuzzy name lookup (pg_trgm's `<%`, for typos) returns the nearest names first
-- (ORDER BY `<<->` word-similarity distance, LIMIT n) instead of the first n rows that pass
-- the threshold: a common surname matched hundreds of contacts per query. The distance
-- ordering needs a GiST index; btree_gist lets it lead with user_id so one user's lookup
-- never walks other users' contacts. Where btree_gist is unavailable the query still works
-- (bitmap scan + sort). siglen 64 (default 12): names + emails are long enough that the
-- default signature matched most entries, and KNN rechecked them (8.5 → 3.6 ms at 20k).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'btree_gist') THEN
    CREATE EXTENSION IF NOT EXISTS btree_gist;
    CREATE INDEX IF NOT EXISTS contacts_user_search_knn_idx ON contacts
      USING gist (user_id, search_text gist_trgm_ops(siglen = 64)) WHERE deleted_at IS NULL;
  END IF;
END $$;
