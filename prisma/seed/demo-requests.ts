// 止付 / 冻结 / 停机 requests in the demo (lib/requests): on two open cases of 茅箭区 (the demo
// investigator's branch) a stop-payment the bank executed and the freeze that followed it, and a
// stop-payment whose 48 hours ran out with no freeze (flagged); on a warning of its precinct a 停机
// request the carrier carried out. Each with its delivered outbox message, as the simulator would
// have answered it; the rollup triggers count what they protected in 止损.
import type { DriverSql } from "@/lib/db";
import { DEFAULT_LEGAL_BASIS, DOC_TITLE } from "@/lib/requests/rules";
import { chinaYear } from "@/lib/time/china";

const HOUR = 3_600_000;

type Demo = {
  kind: "STOP_PAYMENT" | "FREEZE" | "SUSPEND"; caseId: string | null; warningId: string | null; unitId: string; partner: string; target: string; holder: string;
  amount: string | null; stopped: string | null; protectedAmount: string; requestedAt: Date; answeredAt: Date; deadlineAt: Date | null; follows: number | null; lapsed: Date | null;
};

export async function seedPartnerRequests(tx: DriverSql, now: Date): Promise<void> {
  const cases = await tx.$queryRaw<{ id: string; unitId: string; caseNumber: string }[]>`
    SELECT c.id::text AS id, c."unitId"::text AS "unitId", c."caseNumber" FROM cases c JOIN units u ON u.id = c."unitId"
     WHERE u.code = '420302' AND c.status IN ('FILED', 'INVESTIGATING') ORDER BY c."reportedAt" DESC, c.id LIMIT 2`;
  const [warning] = await tx.$queryRaw<{ id: string; unitId: string }[]>`
    SELECT w.id::text AS id, w."unitId"::text AS "unitId" FROM warnings w JOIN units u ON u.id = w."unitId"
     WHERE u.code = '42030201' ORDER BY w."receivedAt" DESC, w.id LIMIT 1`;
  const [handler] = await tx.$queryRaw<{ id: string; name: string }[]>`SELECT id::text AS id, "displayName" AS name FROM users WHERE username = 'investigator'`;
  const [unit] = await tx.$queryRaw<{ name: string }[]>`SELECT name FROM units WHERE code = '420302'`;
  // A trimmed demo without them shows no requests rather than failing.
  if (cases.length < 2 || !warning || !handler || !unit) return;
  const at = (h: number) => new Date(now.getTime() - h * HOUR);
  const [a, b] = cases as [(typeof cases)[0], (typeof cases)[0]];
  const rows: Demo[] = [
    { kind: "STOP_PAYMENT", caseId: a.id, warningId: null, unitId: a.unitId, partner: "中国工商银行", target: "6222021234567890128", holder: "李某", amount: "86000.50", stopped: "52000.00", protectedAmount: "52000.00", requestedAt: at(30), answeredAt: at(29.5), deadlineAt: at(-18.5), follows: null, lapsed: null },
    { kind: "FREEZE", caseId: a.id, warningId: null, unitId: a.unitId, partner: "中国工商银行", target: "6222021234567890128", holder: "李某", amount: "86000.50", stopped: "52000.00", protectedAmount: "0.00", requestedAt: at(6), answeredAt: at(5), deadlineAt: new Date(at(5).getTime() + 180 * 24 * HOUR), follows: 0, lapsed: null },
    { kind: "STOP_PAYMENT", caseId: b.id, warningId: null, unitId: b.unitId, partner: "中国建设银行", target: "6217002870012345678", holder: "王某", amount: "12000.00", stopped: "12000.00", protectedAmount: "12000.00", requestedAt: at(52), answeredAt: at(51), deadlineAt: at(3), follows: null, lapsed: at(3) },
    { kind: "SUSPEND", caseId: null, warningId: warning.id, unitId: warning.unitId, partner: "中国移动", target: "17088886666", holder: "", amount: null, stopped: null, protectedAmount: "0.00", requestedAt: at(3), answeredAt: at(2.5), deadlineAt: null, follows: null, lapsed: null },
  ];
  const ids: string[] = [];
  const seq: Record<string, number> = {};
  for (const r of rows) {
    const prefix = { STOP_PAYMENT: "止付", FREEZE: "冻结", SUSPEND: "停机" }[r.kind];
    seq[prefix] = (seq[prefix] ?? 0) + 1;
    const docNumber = `${prefix}-420302-${chinaYear(r.requestedAt)}-${String(seq[prefix]).padStart(5, "0")}`;
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO partner_requests (id, "docNumber", kind, status, "unitId", "caseId", "warningId", "partnerName", target, "holderName", amount, "legalBasis",
        "requestingAuthority", "handlerId", "handlerName", "approverName", "requestedAt", "deadlineAt", "followsId", "lapseFlaggedAt", "answeredAt",
        "amountStopped", "amountProtected", "updatedAt")
      VALUES (gen_random_uuid(), ${docNumber}, ${r.kind}::"PartnerRequestKind", 'ACCEPTED', ${r.unitId}::uuid, ${r.caseId}::uuid, ${r.warningId}::uuid, ${r.partner},
        ${r.target}, ${r.holder || null}, ${r.amount}::numeric, ${DEFAULT_LEGAL_BASIS[r.kind]}, ${unit.name}, ${handler.id}::uuid, ${handler.name}, '刘建国',
        ${r.requestedAt}::timestamptz AT TIME ZONE 'UTC', ${r.deadlineAt}::timestamptz AT TIME ZONE 'UTC', ${r.follows === null ? null : ids[r.follows]!}::uuid,
        ${r.lapsed}::timestamptz AT TIME ZONE 'UTC', ${r.answeredAt}::timestamptz AT TIME ZONE 'UTC', ${r.stopped}::numeric, ${r.protectedAmount}::numeric, now() AT TIME ZONE 'UTC')
      RETURNING id::text AS id`;
    ids.push(row!.id);
    const body = JSON.stringify({ type: "partner_request", requestId: row!.id, docNumber, title: DOC_TITLE[r.kind], kind: r.kind, target: r.target, amount: r.amount });
    await tx.$executeRaw`
      INSERT INTO outbound_messages (id, "partnerRequestId", channel, status, recipient, body, rung, "notBefore", attempts, "sentAt", result, "resultAt", "createdAt", "updatedAt")
      VALUES (gen_random_uuid(), ${row!.id}::uuid, ${r.kind === "SUSPEND" ? "CARRIER" : "BANK"}::"OutboundChannel", 'DELIVERED', ${r.partner}, ${body}, ${r.kind},
        ${r.requestedAt}::timestamptz AT TIME ZONE 'UTC', 1, ${r.requestedAt}::timestamptz AT TIME ZONE 'UTC', 'ACCEPTED', ${r.answeredAt}::timestamptz AT TIME ZONE 'UTC',
        ${r.requestedAt}::timestamptz AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')`;
  }
}
