ALTER TABLE "opportunity" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
-- Posts opened before the column existed: their creation is the best record of when they were published.
UPDATE "opportunity" SET "published_at" = "created_at" WHERE "status" <> 'draft';
