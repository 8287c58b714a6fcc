// The demo's 96110 call center (issue 16 item 4) and feedback upstream (item 6): two calls the
// call center reported on open warnings (each the warning's 96110 call log entry, as
// lib/calls/commands.ts writes it), one call matching no warning (listed as unmatched), and the
// feedback of the latest national and provincial warnings signed for, waiting in the outbox.
import type { Sql } from "@/lib/db";
import { uuidv7 } from "@/lib/ids";
import { queueFeedback } from "@/lib/feedback/queue";

export async function seedDemoCalls(tx: Sql, now: Date): Promise<void> {
  const [center] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text AS id FROM units WHERE kind = 'CENTER' ORDER BY code LIMIT 1`;
  if (!center) return;
  const open = await tx.$queryRaw<{ id: string; victimPhone: string; receivedAt: Date }[]>`
    SELECT id::text AS id, "victimPhone", "receivedAt" FROM warnings
     WHERE status = 'IN_PROGRESS' AND "receivedAt" > (now() AT TIME ZONE 'UTC') - interval '48 hours' AND "victimPhone" LIKE '1%'
     ORDER BY "receivedAt" DESC LIMIT 2`;
  let n = 0;
  for (const w of open) {
    n++;
    const start = new Date(Math.max(w.receivedAt.getTime() + 5 * 60_000, now.getTime() - (30 + n * 10) * 60_000));
    const duration = 120 + n * 37;
    const callId = `DEMO-96110-${String(n).padStart(4, "0")}`;
    const actionId = uuidv7(start.getTime());
    const note = `96110呼叫中心自动记录：外呼，通话${Math.floor(duration / 60)}分${String(duration % 60).padStart(2, "0")}秒，坐席 dispatcher，录音 rec://96110/${callId}.wav，呼叫编号 ${callId}`;
    await tx.$executeRaw`
      INSERT INTO dissuasion_actions (id, "warningId", "unitId", kind, result, "occurredAt", "durationSeconds", note, "updatedAt")
      VALUES (${actionId}::uuid, ${w.id}::uuid, ${center.id}::uuid, 'HOTLINE_CALL', 'CONNECTED', ${start}::timestamptz AT TIME ZONE 'UTC', ${duration}, ${note}, now() AT TIME ZONE 'UTC')`;
    await tx.$executeRaw`
      INSERT INTO hotline_calls (id, "unitId", "callId", direction, "callerNumber", "calleeNumber", agent, "ringingAt", "answeredAt", "endedAt", "durationSeconds", "recordingRef", "warningId", "actionId", "updatedAt")
      VALUES (${uuidv7(start.getTime())}::uuid, ${center.id}::uuid, ${callId}, 'OUTBOUND', '96110', ${w.victimPhone}, 'dispatcher',
              ${start}::timestamptz AT TIME ZONE 'UTC', ${new Date(start.getTime() + 8_000)}::timestamptz AT TIME ZONE 'UTC',
              ${new Date(start.getTime() + 8_000 + duration * 1000)}::timestamptz AT TIME ZONE 'UTC', ${duration}, ${`rec://96110/${callId}.wav`},
              ${w.id}::uuid, ${actionId}::uuid, now() AT TIME ZONE 'UTC')`;
  }
  const at = new Date(now.getTime() - 12 * 60_000);
  await tx.$executeRaw`
    INSERT INTO hotline_calls (id, "unitId", "callId", direction, "callerNumber", "calleeNumber", agent, "ringingAt", "answeredAt", "endedAt", "durationSeconds", "updatedAt")
    VALUES (${uuidv7(at.getTime())}::uuid, ${center.id}::uuid, 'DEMO-96110-9001', 'INBOUND', '13907190417', '96110', 'dispatcher2',
            ${at}::timestamptz AT TIME ZONE 'UTC', ${new Date(at.getTime() + 5_000)}::timestamptz AT TIME ZONE 'UTC', ${new Date(at.getTime() + 185_000)}::timestamptz AT TIME ZONE 'UTC', 180, now() AT TIME ZONE 'UTC')`;
  const signed = await tx.$queryRaw<{ id: string; resolved: boolean }[]>`
    SELECT id::text AS id, status = 'RESOLVED' AS resolved FROM warnings
     WHERE source IN ('NATIONAL', 'PROVINCIAL') AND "acknowledgedAt" IS NOT NULL ORDER BY "acknowledgedAt" DESC LIMIT 6`;
  for (const w of signed) await queueFeedback(tx, w.id, w.resolved ? "RESOLVED" : "ACKNOWLEDGED", now);
}
