CREATE TABLE "audit_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_username" text,
	"org_id" uuid,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"ip" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app_user" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"org_id" uuid NOT NULL,
	"roles" text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "app_user_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "counselor_class" (
	"user_id" uuid NOT NULL,
	"college_id" uuid NOT NULL,
	"class_name" text NOT NULL,
	CONSTRAINT "counselor_class_user_id_college_id_class_name_pk" PRIMARY KEY("user_id","college_id","class_name")
);
--> statement-breakpoint
CREATE TABLE "user_session" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "code_entry" (
	"table_key" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "code_entry_table_key_code_pk" PRIMARY KEY("table_key","code")
);
--> statement-breakpoint
CREATE TABLE "focus_list" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "focus_list_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "focus_list_county" (
	"list_id" uuid NOT NULL,
	"county_code" text NOT NULL,
	"support_kind" text,
	"support_partner" text,
	CONSTRAINT "focus_list_county_list_id_county_code_pk" PRIMARY KEY("list_id","county_code")
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"region_code" text,
	"moe_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_unit_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "region" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text,
	"province_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_alias" (
	"old_code" text NOT NULL,
	"current_code" text NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "region_alias_old_code_current_code_pk" PRIMARY KEY("old_code","current_code")
);
--> statement-breakpoint
CREATE TABLE "support_pair" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"supporter_name" text NOT NULL,
	"supporter_region_code" text,
	"supported_name" text NOT NULL,
	"supported_region_code" text,
	"kind" text NOT NULL,
	"valid_from" integer NOT NULL,
	"valid_to" integer,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graduate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort" integer NOT NULL,
	"name" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_encrypted" text NOT NULL,
	"university_id" uuid NOT NULL,
	"university_province_code" text NOT NULL,
	"college_id" uuid,
	"class_name" text,
	"domicile_county_code" text,
	"province_code" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"graduate_id" uuid NOT NULL,
	"employer_org_id" uuid NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "helper_pairing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"graduate_id" uuid NOT NULL,
	"helper_user_id" uuid NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "referral" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"graduate_id" uuid NOT NULL,
	"partner_org_id" uuid NOT NULL,
	"valid_until" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_org_id_org_unit_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselor_class" ADD CONSTRAINT "counselor_class_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counselor_class" ADD CONSTRAINT "counselor_class_college_id_org_unit_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_session" ADD CONSTRAINT "user_session_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "focus_list_county" ADD CONSTRAINT "focus_list_county_list_id_focus_list_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."focus_list"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate" ADD CONSTRAINT "graduate_university_id_org_unit_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate" ADD CONSTRAINT "graduate_college_id_org_unit_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduate" ADD CONSTRAINT "graduate_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_graduate_id_graduate_id_fk" FOREIGN KEY ("graduate_id") REFERENCES "public"."graduate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_employer_org_id_org_unit_id_fk" FOREIGN KEY ("employer_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_pairing" ADD CONSTRAINT "helper_pairing_graduate_id_graduate_id_fk" FOREIGN KEY ("graduate_id") REFERENCES "public"."graduate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "helper_pairing" ADD CONSTRAINT "helper_pairing_helper_user_id_app_user_id_fk" FOREIGN KEY ("helper_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_graduate_id_graduate_id_fk" FOREIGN KEY ("graduate_id") REFERENCES "public"."graduate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral" ADD CONSTRAINT "referral_partner_org_id_org_unit_id_fk" FOREIGN KEY ("partner_org_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "audit_event" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_event_action_idx" ON "audit_event" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_event_entity_idx" ON "audit_event" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "app_user_org_idx" ON "app_user" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "user_session_user_idx" ON "user_session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "focus_county_code_idx" ON "focus_list_county" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "org_unit_parent_idx" ON "org_unit" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "org_unit_kind_idx" ON "org_unit" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "region_parent_idx" ON "region" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "region_name_idx" ON "region" USING btree ("name");--> statement-breakpoint
CREATE INDEX "region_alias_current_idx" ON "region_alias" USING btree ("current_code");--> statement-breakpoint
CREATE INDEX "graduate_university_idx" ON "graduate" USING btree ("university_id");--> statement-breakpoint
CREATE INDEX "graduate_domicile_idx" ON "graduate" USING btree ("domicile_county_code");--> statement-breakpoint
CREATE INDEX "graduate_province_idx" ON "graduate" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "graduate_uprovince_idx" ON "graduate" USING btree ("university_province_code");--> statement-breakpoint
CREATE INDEX "graduate_class_idx" ON "graduate" USING btree ("college_id","class_name");--> statement-breakpoint
CREATE INDEX "graduate_id_hash_idx" ON "graduate" USING btree ("id_hash","cohort");--> statement-breakpoint
CREATE INDEX "graduate_user_idx" ON "graduate" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "application_employer_idx" ON "application" USING btree ("employer_org_id");--> statement-breakpoint
CREATE INDEX "helper_pairing_helper_idx" ON "helper_pairing" USING btree ("helper_user_id");--> statement-breakpoint
CREATE INDEX "helper_pairing_grad_idx" ON "helper_pairing" USING btree ("graduate_id");--> statement-breakpoint
CREATE INDEX "referral_partner_idx" ON "referral" USING btree ("partner_org_id");