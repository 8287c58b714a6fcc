-- A field record's idempotency key now lives where every other command's does (idempotency_records,
-- lib/http/idempotency.ts): the record's own key and hash columns are no longer written or read.
DROP INDEX "dissuasion_actions_idempotencyKey_key";

ALTER TABLE "dissuasion_actions" DROP COLUMN "idempotencyHash",
DROP COLUMN "idempotencyKey";
