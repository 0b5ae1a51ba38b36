ALTER TABLE "ledger_case" ADD COLUMN "helper_user_id" uuid;--> statement-breakpoint
ALTER TABLE "ledger_case" ADD COLUMN "paired_at" timestamp with time zone;--> statement-breakpoint
-- ledger_case.helper_user_id / paired_at mirror the graduate's current helper_pairing row (ended_at is null).
-- Kept by triggers so that every writer (services, seeds, bulk pairing, imports) keeps them right.
CREATE FUNCTION ledger_case_sync_pairing(g uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ledger_case c SET helper_user_id = cur.helper_user_id, paired_at = cur.started_at
  FROM (SELECT (SELECT hp.helper_user_id FROM helper_pairing hp WHERE hp.graduate_id = g AND hp.ended_at IS NULL) AS helper_user_id,
               (SELECT hp.started_at FROM helper_pairing hp WHERE hp.graduate_id = g AND hp.ended_at IS NULL) AS started_at) cur
  WHERE c.graduate_id = g
    AND (c.helper_user_id IS DISTINCT FROM cur.helper_user_id OR c.paired_at IS DISTINCT FROM cur.started_at);
END $$;
--> statement-breakpoint
CREATE FUNCTION helper_pairing_sync_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM ledger_case_sync_pairing(OLD.graduate_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.graduate_id IS DISTINCT FROM OLD.graduate_id
      OR NEW.helper_user_id IS DISTINCT FROM OLD.helper_user_id OR NEW.started_at IS DISTINCT FROM OLD.started_at
      OR NEW.ended_at IS DISTINCT FROM OLD.ended_at) THEN
    PERFORM ledger_case_sync_pairing(NEW.graduate_id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER helper_pairing_sync_case AFTER INSERT OR UPDATE OR DELETE ON helper_pairing
  FOR EACH ROW EXECUTE FUNCTION helper_pairing_sync_case();
--> statement-breakpoint
-- a case opened for a graduate who already has a helper starts with the pairing
CREATE FUNCTION ledger_case_fill_pairing() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT hp.helper_user_id, hp.started_at INTO NEW.helper_user_id, NEW.paired_at
  FROM helper_pairing hp WHERE hp.graduate_id = NEW.graduate_id AND hp.ended_at IS NULL;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ledger_case_fill_pairing BEFORE INSERT ON ledger_case
  FOR EACH ROW EXECUTE FUNCTION ledger_case_fill_pairing();
--> statement-breakpoint
UPDATE ledger_case c SET helper_user_id = hp.helper_user_id, paired_at = hp.started_at
FROM helper_pairing hp WHERE hp.graduate_id = c.graduate_id AND hp.ended_at IS NULL;
