ALTER TABLE "audit_event" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_event_chain_idx" ON "audit_event" USING btree ("id") WHERE prev_hash is not null;