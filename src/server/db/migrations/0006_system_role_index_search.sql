-- omnicrm_system (withSystem: job claims, schedulers, webhook lookups, search candidates)
-- already sees every row through its `system_access USING (true)` policies. As a policy
-- user, though, Postgres may not use an index for non-LEAKPROOF operators such as pg_trgm's
-- word similarity (`<%`), so fuzzy contact search was a sequential scan over every user's
-- contacts (~200 ms at 20k). BYPASSRLS grants exactly the same rows and lets the planner use
-- the index. Only a superuser may grant it; elsewhere the policy stays and search is slower.
-- omnicrm_app (every user-scoped query) is untouched: RLS stays enforced there.
DO $$
BEGIN
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER ROLE omnicrm_system BYPASSRLS;
  END IF;
END $$;
