-- One open appeal (RECEIVED or UNDER_REVIEW) per measure, as one open transfer per warning.
-- registerAppeal locks the measure before it looks for an open appeal, and this index holds the
-- rule for every other writer.
CREATE UNIQUE INDEX "appeals_one_open" ON "appeals"("measureId") WHERE status IN ('RECEIVED', 'UNDER_REVIEW');
