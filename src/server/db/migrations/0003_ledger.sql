CREATE TABLE "app_setting" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "case_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"occurred_on" date,
	"actor_user_id" uuid,
	"actor_name" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"private" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_handover" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"from_org_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handover_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"university_id" uuid NOT NULL,
	"cohort" integer NOT NULL,
	"case_count" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"graduate_id" uuid NOT NULL,
	"cohort" integer NOT NULL,
	"university_id" uuid NOT NULL,
	"province_code" text,
	"status" text DEFAULT 'seeking' NOT NULL,
	"stage" text DEFAULT 'school' NOT NULL,
	"holder_org_id" uuid NOT NULL,
	"handed_over_at" timestamp with time zone,
	"opened_at" timestamp with time zone NOT NULL,
	"intention" text,
	"needs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"needs_confirmed_at" timestamp with time zone,
	"plan_text" text,
	"planned_measures" text[] DEFAULT '{}'::text[] NOT NULL,
	"profile_verified_at" timestamp with time zone,
	"last_measure_at" timestamp with time zone,
	"last_contact_at" timestamp with time zone,
	"next_follow_up_due" timestamp with time zone,
	"progress_updated_at" timestamp with time zone,
	"destination_code" text,
	"destination" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone,
	"updated_by" uuid,
	CONSTRAINT "ledger_case_graduate_id_unique" UNIQUE("graduate_id")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notification_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "overdue_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"level" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "phone_hash" text;--> statement-breakpoint
ALTER TABLE "helper_pairing" ADD COLUMN "assigned_by" uuid;--> statement-breakpoint
ALTER TABLE "helper_pairing" ADD COLUMN "ended_by" uuid;--> statement-breakpoint
ALTER TABLE "helper_pairing" ADD COLUMN "end_reason" text;--> statement-breakpoint
ALTER TABLE "app_setting" ADD CONSTRAINT "app_setting_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_ledger_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."ledger_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_case_id_ledger_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."ledger_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_file" ADD CONSTRAINT "case_file_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handover" ADD CONSTRAINT "case_handover_batch_id_handover_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."handover_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handover" ADD CONSTRAINT "case_handover_case_id_ledger_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."ledger_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handover" ADD CONSTRAINT "case_handover_from_org_id_org_unit_id_fk" FOREIGN KEY ("from_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_handover" ADD CONSTRAINT "case_handover_to_org_id_org_unit_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_batch" ADD CONSTRAINT "handover_batch_university_id_org_unit_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_batch" ADD CONSTRAINT "handover_batch_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_case" ADD CONSTRAINT "ledger_case_graduate_id_graduate_id_fk" FOREIGN KEY ("graduate_id") REFERENCES "public"."graduate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_case" ADD CONSTRAINT "ledger_case_university_id_org_unit_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_case" ADD CONSTRAINT "ledger_case_holder_org_id_org_unit_id_fk" FOREIGN KEY ("holder_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_case" ADD CONSTRAINT "ledger_case_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_case_id_ledger_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."ledger_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overdue_item" ADD CONSTRAINT "overdue_item_case_id_ledger_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."ledger_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_event_case_idx" ON "case_event" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "case_event_kind_idx" ON "case_event" USING btree ("kind","at");--> statement-breakpoint
CREATE INDEX "case_file_case_idx" ON "case_file" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_handover_case_idx" ON "case_handover" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_handover_to_idx" ON "case_handover" USING btree ("to_org_id");--> statement-breakpoint
CREATE INDEX "ledger_case_university_idx" ON "ledger_case" USING btree ("university_id","cohort");--> statement-breakpoint
CREATE INDEX "ledger_case_holder_idx" ON "ledger_case" USING btree ("holder_org_id");--> statement-breakpoint
CREATE INDEX "ledger_case_province_idx" ON "ledger_case" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "overdue_item_open_uq" ON "overdue_item" USING btree ("case_id","rule") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "overdue_item_level_idx" ON "overdue_item" USING btree ("level","resolved_at");--> statement-breakpoint
CREATE INDEX "sms_code_phone_idx" ON "sms_code" USING btree ("phone_hash","created_at");--> statement-breakpoint
ALTER TABLE "helper_pairing" ADD CONSTRAINT "helper_pairing_assigned_by_app_user_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_pairing" ADD CONSTRAINT "helper_pairing_ended_by_app_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "app_user_phone_idx" ON "app_user" USING btree ("phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "helper_pairing_current_uq" ON "helper_pairing" USING btree ("graduate_id") WHERE ended_at is null;--> statement-breakpoint
-- The case timeline is append-only like the audit trail: refuse UPDATE, DELETE and TRUNCATE.
CREATE OR REPLACE FUNCTION bangfu_case_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'case_event is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_event_no_update BEFORE UPDATE OR DELETE ON case_event
  FOR EACH ROW EXECUTE FUNCTION bangfu_case_event_append_only();
--> statement-breakpoint
CREATE TRIGGER case_event_no_truncate BEFORE TRUNCATE ON case_event
  FOR EACH STATEMENT EXECUTE FUNCTION bangfu_case_event_append_only();
