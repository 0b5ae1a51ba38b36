CREATE TABLE "employer_profile" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"region_code" text NOT NULL,
	"industry" text NOT NULL,
	"nature_code" text NOT NULL,
	"size" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employer_profile_credit_code_unique" UNIQUE("credit_code")
);
--> statement-breakpoint
CREATE TABLE "opportunity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"employer_org_id" uuid,
	"region_codes" text[] NOT NULL,
	"major_prefixes" text[] DEFAULT '{}'::text[] NOT NULL,
	"min_level" text,
	"eligibility_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quota" integer,
	"deadline" date NOT NULL,
	"salary_min" integer,
	"salary_max" integer,
	"description" text DEFAULT '' NOT NULL,
	"target_priority" boolean DEFAULT false NOT NULL,
	"industry" text,
	"post_kind" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"cohort" integer,
	"province_code" text NOT NULL,
	"applicant_count" integer DEFAULT 0 NOT NULL,
	"quota_used" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zsb_plan" (
	"province_code" text NOT NULL,
	"cohort" integer NOT NULL,
	"ratio_bp" integer NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone NOT NULL,
	CONSTRAINT "zsb_plan_province_code_cohort_pk" PRIMARY KEY("province_code","cohort")
);
--> statement-breakpoint
ALTER TABLE "application" ALTER COLUMN "employer_org_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "opportunity_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "case_id" uuid;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "province_code" text;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "source" text DEFAULT 'self' NOT NULL;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_profile" ADD CONSTRAINT "employer_profile_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_profile" ADD CONSTRAINT "employer_profile_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_owner_org_id_org_unit_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_employer_org_id_org_unit_id_fk" FOREIGN KEY ("employer_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zsb_plan" ADD CONSTRAINT "zsb_plan_set_by_app_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_profile_status_idx" ON "employer_profile" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "employer_profile_region_idx" ON "employer_profile" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "opportunity_status_deadline_idx" ON "opportunity" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "opportunity_zone_idx" ON "opportunity" USING btree ("deadline") WHERE status = 'open' and target_priority;--> statement-breakpoint
CREATE INDEX "opportunity_owner_idx" ON "opportunity" USING btree ("owner_org_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_employer_idx" ON "opportunity" USING btree ("employer_org_id");--> statement-breakpoint
CREATE INDEX "opportunity_kind_idx" ON "opportunity" USING btree ("kind","province_code","cohort");--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_case_id_ledger_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."ledger_case"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_post_graduate_uq" ON "application" USING btree ("opportunity_id","graduate_id");--> statement-breakpoint
CREATE INDEX "application_post_status_idx" ON "application" USING btree ("opportunity_id","status");--> statement-breakpoint
CREATE INDEX "application_graduate_idx" ON "application" USING btree ("graduate_id");