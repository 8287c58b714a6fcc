-- The tail search reads the persons of a tail from the index alone (an index-only scan), not
-- from some 400 scattered heap pages of person_identifiers.
DROP INDEX "person_identifiers_tail4_idx";

CREATE INDEX "person_identifiers_tail4_personId_idx" ON "person_identifiers"("tail4", "personId");
