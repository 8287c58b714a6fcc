-- A call id is the reporting key's own, per desk: two call centres reporting at one desk (a
-- branch's and a precinct's) number their calls apart, and one's event never completes the other's call.
DROP INDEX "hotline_calls_unitId_callId_key";
CREATE UNIQUE INDEX "hotline_calls_apiKeyId_unitId_callId_key" ON "hotline_calls"("apiKeyId", "unitId", "callId");
