-- Key rotation (keys/reencrypt-secrets.ts) must be able to move a consent record's PDF to
-- the current key: the same plaintext under a new ciphertext. Everything else stays
-- immutable: an UPDATE passes only while the sweep's transaction-local flag is on and only
-- if no column but pdf_enc changes. (The record's hashes cover the signed content, not the
-- ciphertext, so verification is unaffected.)
CREATE OR REPLACE FUNCTION consent_records_immutable() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' AND pg_trigger_depth() > 1 THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('omnicrm.reencrypt', true) = 'on'
     AND (to_jsonb(NEW) - 'pdf_enc') = (to_jsonb(OLD) - 'pdf_enc') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'consent records are immutable' USING ERRCODE = 'P0001';
END
$fn$;
