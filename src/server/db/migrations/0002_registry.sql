CREATE TABLE "graduate_change" (
	"batch_id" uuid NOT NULL,
	"graduate_id" uuid NOT NULL,
	"op" text NOT NULL,
	"seq" bigserial NOT NULL,
	"before" jsonb,
	CONSTRAINT "graduate_change_batch_id_graduate_id_pk" PRIMARY KEY("batch_id","graduate_id")
);
--> statement-breakpoint
CREATE TABLE "graduate_review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"existing_graduate_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_batch" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_size" bigint NOT NULL,
	"org_id" uuid NOT NULL,
	"university_id" uuid,
	"cohort" integer,
	"mapping" jsonb,
	"header_row" integer,
	"headers" jsonb,
	"stored_file" text,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"committed_by" uuid,
	"committed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_row" (
	"batch_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"status" text NOT NULL,
	"id_hash" text,
	"fingerprint" text,
	"record" jsonb,
	"errors" jsonb,
	"warnings" jsonb,
	"raw_encrypted" text,
	"graduate_id" uuid,
	CONSTRAINT "import_row_batch_id_row_no_pk" PRIMARY KEY("batch_id","row_no")
);
--> statement-breakpoint
CREATE TABLE "mapping_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"headers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poverty_registry_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"id_hash" text NOT NULL,
	"county_code" text,
	"household_ref" text,
	"exit_year" integer,
	"batch_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "id_masked" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "gender" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "birth_date" date;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "student_no" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "college_name" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "major_code" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "major_name" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "level" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "domicile_raw_code" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "domicile_source" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "phone_encrypted" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "difficulty_code" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "is_registered_poor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "is_focus_county" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "is_target" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "target_reasons" jsonb;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "fingerprint" text;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "source_batch_id" uuid;--> statement-breakpoint
ALTER TABLE "graduate" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "graduate_change" ADD CONSTRAINT "graduate_change_batch_id_import_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_review" ADD CONSTRAINT "graduate_review_batch_id_import_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate_review" ADD CONSTRAINT "graduate_review_existing_graduate_id_graduate_id_fk" FOREIGN KEY ("existing_graduate_id") REFERENCES "public"."graduate"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_university_id_org_unit_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_committed_by_app_user_id_fk" FOREIGN KEY ("committed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_batch" ADD CONSTRAINT "import_batch_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_row" ADD CONSTRAINT "import_row_batch_id_import_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batch"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_template" ADD CONSTRAINT "mapping_template_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poverty_registry_entry" ADD CONSTRAINT "poverty_registry_entry_batch_id_import_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "graduate_change_grad_idx" ON "graduate_change" USING btree ("graduate_id");--> statement-breakpoint
CREATE INDEX "import_batch_org_idx" ON "import_batch" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "import_row_hash_idx" ON "import_row" USING btree ("batch_id","id_hash");--> statement-breakpoint
CREATE INDEX "poverty_entry_hash_idx" ON "poverty_registry_entry" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "poverty_entry_batch_idx" ON "poverty_registry_entry" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "graduate_person_cohort_uni_uq" ON "graduate" USING btree ("id_hash","cohort","university_id");--> statement-breakpoint
CREATE INDEX "graduate_target_idx" ON "graduate" USING btree ("is_target","cohort");