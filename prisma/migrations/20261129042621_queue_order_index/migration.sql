-- CreateIndex
CREATE INDEX "warnings_slaDueAt_priority_id_idx" ON "warnings"("slaDueAt", "priority" DESC, "id");

