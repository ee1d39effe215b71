-- Extensions. pg_trgm ships with every Postgres contrib; pgvector may be missing
-- (e.g. Debian's postgres without postgresql-NN-pgvector): then the embedding column is
-- simply not created and vector features report themselves unavailable.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    CREATE EXTENSION IF NOT EXISTS vector;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'vector') THEN
    EXECUTE 'ALTER TABLE embeddings ADD COLUMN IF NOT EXISTS embedding vector(1536)';
    EXECUTE 'CREATE INDEX IF NOT EXISTS embeddings_hnsw_idx ON embeddings USING hnsw (embedding vector_cosine_ops)';
  END IF;
END $$;
--> statement-breakpoint
-- Roles. The app never queries as the connecting role (which may be a superuser or the
-- table owner and so bypass RLS): withUser() switches to omnicrm_app, which is subject to
-- the user_isolation policy; withSystem() switches to omnicrm_system for cross-user work
-- (job claiming, schedulers, webhooks), which has an explicit allow-all policy.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'omnicrm_app') THEN
    CREATE ROLE omnicrm_app NOLOGIN NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'omnicrm_system') THEN
    CREATE ROLE omnicrm_system NOLOGIN NOBYPASSRLS;
  END IF;
END $$;
--> statement-breakpoint
DO $$
BEGIN
  -- A non-superuser connecting role needs membership to SET ROLE; superusers already can.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT omnicrm_app TO %I', current_user);
    EXECUTE format('GRANT omnicrm_system TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO omnicrm_app, omnicrm_system;
--> statement-breakpoint
-- Idempotent: enables and forces RLS with the two policies on every public table that has
-- a user_id column, except the auth library's tables. The migration runner calls it after
-- every run, so a table added by a later migration can never be left unprotected.
CREATE OR REPLACE FUNCTION omnicrm_apply_rls() RETURNS void LANGUAGE plpgsql AS $fn$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
    WHERE c.table_schema = 'public' AND c.column_name = 'user_id' AND tb.table_type = 'BASE TABLE'
      AND c.table_name NOT LIKE 'auth\_%'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS user_isolation ON %I', t);
    EXECUTE format(
      'CREATE POLICY user_isolation ON %I TO omnicrm_app '
      'USING (user_id = NULLIF(current_setting(''app.user_id'', true), '''')::uuid) '
      'WITH CHECK (user_id = NULLIF(current_setting(''app.user_id'', true), '''')::uuid)', t);
    EXECUTE format('DROP POLICY IF EXISTS system_access ON %I', t);
    EXECUTE format('CREATE POLICY system_access ON %I TO omnicrm_system USING (true) WITH CHECK (true)', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO omnicrm_app, omnicrm_system', t);
  END LOOP;
  -- The app roles may reference users (FKs, joins for display) but never read auth secrets.
  EXECUTE 'GRANT SELECT (id, email, name, created_at) ON auth_users TO omnicrm_app, omnicrm_system';
  EXECUTE 'GRANT DELETE ON auth_users TO omnicrm_system';
END
$fn$;
