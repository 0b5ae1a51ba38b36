ALTER TABLE "org_unit" ADD COLUMN "school_id_code" text;--> statement-breakpoint
ALTER TABLE "org_unit" ADD COLUMN "deactivated_at" timestamp with time zone;