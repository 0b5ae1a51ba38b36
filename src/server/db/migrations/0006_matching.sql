CREATE TABLE "matching_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"scope" jsonb NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"processed" integer DEFAULT 0 NOT NULL,
	"posts" integer DEFAULT 0 NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "push" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"graduate_id" uuid NOT NULL,
	"case_id" uuid,
	"opportunity_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"reason" text DEFAULT '' NOT NULL,
	"score" smallint,
	"breakdown" smallint[],
	"counted_on" date,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"province_code" text
);
--> statement-breakpoint
CREATE TABLE "recommendation" (
	"case_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"rank" smallint NOT NULL,
	"breakdown" smallint[] NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recommendation_case_id_opportunity_id_pk" PRIMARY KEY("case_id","opportunity_id")
);
--> statement-breakpoint
ALTER TABLE "matching_run" ADD CONSTRAINT "matching_run_started_by_app_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push" ADD CONSTRAINT "push_graduate_id_graduate_id_fk" FOREIGN KEY ("graduate_id") REFERENCES "public"."graduate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push" ADD CONSTRAINT "push_case_id_ledger_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."ledger_case"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push" ADD CONSTRAINT "push_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "push" ADD CONSTRAINT "push_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matching_run_started_idx" ON "matching_run" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "push_graduate_post_channel_uq" ON "push" USING btree ("graduate_id","opportunity_id","channel");--> statement-breakpoint
CREATE INDEX "push_status_idx" ON "push" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "push_graduate_day_idx" ON "push" USING btree ("graduate_id","counted_on");--> statement-breakpoint
CREATE INDEX "push_case_idx" ON "push" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "push_opportunity_idx" ON "push" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "push_actor_idx" ON "push" USING btree ("actor_user_id");