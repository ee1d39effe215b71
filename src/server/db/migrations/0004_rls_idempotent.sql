-- omnicrm_apply_rls() runs after every migration run, including when every process of a
-- test suite or deployment starts. ALTER TABLE / CREATE POLICY take AccessExclusive locks,
-- which deadlock against concurrent traffic; so only touch a table whose protection is not
-- already complete, and otherwise just read the catalogs.
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
    IF EXISTS (
      SELECT 1 FROM pg_class r
      WHERE r.oid = format('public.%I', t)::regclass AND r.relrowsecurity AND r.relforcerowsecurity
        AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = r.oid AND p.polname = 'user_isolation')
        AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = r.oid AND p.polname = 'system_access')
    ) AND has_table_privilege('omnicrm_app', format('public.%I', t), 'SELECT,INSERT,UPDATE,DELETE')
      AND has_table_privilege('omnicrm_system', format('public.%I', t), 'SELECT,INSERT,UPDATE,DELETE') THEN
      CONTINUE;
    END IF;
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
  IF NOT has_column_privilege('omnicrm_app', 'public.auth_users', 'email', 'SELECT') THEN
    EXECUTE 'GRANT SELECT (id, email, name, created_at) ON auth_users TO omnicrm_app, omnicrm_system';
  END IF;
  IF NOT has_table_privilege('omnicrm_system', 'public.auth_users', 'DELETE') THEN
    EXECUTE 'GRANT DELETE ON auth_users TO omnicrm_system';
  END IF;
END
$fn$;
