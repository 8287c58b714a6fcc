// Absorbing repeats into open warnings, inside ingestion's locked transaction (lib/warnings/ingest.ts).
import "server-only";
import { copyLine, type DriverSql } from "@/lib/db";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { uuidv7 } from "@/lib/ids";
import type { SlaLadder } from "@/lib/warnings/sla";
import { mergeSightings, type MergeTarget } from "@/lib/warnings/merge-repeat";
import type { Planned } from "@/lib/warnings/ingest";

/** The columns of a sighting's row: everything the item carried. */
const SIGHTING_COLUMNS = [
  "id", "warningId", "source", "externalId", "riskLevel", "receivedAt", "fraudType",
  "victimName", "victimPhone", "victimIdNumber", "victimAge", "victimGender", "victimAddress",
  "contactChannel", "contactValue", "amountAtRisk", "note", "unitCode", "apiKeyId", "createdById",
] as const;

type Target = MergeTarget & { source: string; externalId: string };

/**
 * Records each repeat as a sighting that keeps all it carried, then merges the sightings into
 * their open warnings (higher risk, larger amount, fields it lacked; see mergeSightings). Answers,
 * per item index, the warning it went into and which repeat of it the item is.
 */
export async function recordRepeats(
  tx: DriverSql,
  repeats: { p: Planned; warningId: string }[],
  ladder: Record<RiskLevel, SlaLadder>,
  { apiKeyId, createdById }: { apiKeyId: string | null; createdById: string | null },
): Promise<Map<number, { source: string; externalId: string; repeat: number }>> {
  await tx.copy("warning_sightings", SIGHTING_COLUMNS, repeats.map(({ p, warningId }) => {
    const w = p.item;
    const v = w.victim;
    return copyLine([
      uuidv7(), warningId, w.source, w.externalId, w.riskLevel, w.receivedAt, w.fraudType,
      v.name, v.phone, v.idNumber, v.age, v.gender, v.address,
      w.contact.channel, w.contact.value, w.amountAtRisk, w.note, w.unitCode, apiKeyId, createdById,
    ]);
  }).join(""));

  const ids = [...new Set(repeats.map((r) => r.warningId))];
  // Row locks too: a transition of the same warning commits before or after the merge, not across it.
  const targets = await tx.$queryRaw<(Omit<Target, "amountAtRisk"> & { amountAtRisk: string | null })[]>`
    SELECT id::text AS id, source::text AS source, "externalId", "riskLevel"::text AS "riskLevel", priority, "repeatCount", "lastSeenAt",
           "amountAtRisk"::text AS "amountAtRisk", "victimName", "victimIdNumber", "victimAge", "victimGender"::text AS "victimGender",
           "victimAddress", note, status::text AS status, "ackDueAt", "contactDueAt", "resolveDueAt", "acknowledgedAt", "firstContactAt", "resolvedAt"
      FROM warnings WHERE id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;

  const answers = new Map<number, { source: string; externalId: string; repeat: number }>();
  const merged = targets.map((t) => {
    const mine = repeats.filter((r) => r.warningId === t.id); // oldest first, as planned
    mine.forEach((r, i) => answers.set(r.p.index, { source: t.source, externalId: t.externalId, repeat: t.repeatCount + i + 1 }));
    return mergeSightings(t as Target, mine.map(({ p }) => ({ at: p.at, riskLevel: p.item.riskLevel, amountAtRisk: p.item.amountAtRisk, victim: p.item.victim, note: p.item.note })), ladder);
  });

  const col = <K extends keyof (typeof merged)[number]>(k: K) => merged.map((m) => m[k]);
  // Instants travel as UTC ISO strings (the driver converts top-level dates only).
  const instants = (k: "lastSeenAt" | "ackDueAt" | "contactDueAt" | "resolveDueAt" | "slaDueAt") => merged.map((m) => m[k]?.toISOString() ?? null);
  await tx.$executeRaw`
    UPDATE warnings w SET
      "riskLevel" = m.risk::"RiskLevel", priority = m.priority, "repeatCount" = m.repeats, "lastSeenAt" = m.last AT TIME ZONE 'UTC',
      "amountAtRisk" = m.amount::numeric, "victimName" = m.name, "victimIdNumber" = m.idn, "victimAge" = m.age,
      "victimGender" = m.gender::"Gender", "victimAddress" = m.address, note = m.note,
      "ackDueAt" = m.ack AT TIME ZONE 'UTC', "contactDueAt" = m.contact AT TIME ZONE 'UTC',
      "resolveDueAt" = m.resolve AT TIME ZONE 'UTC', "slaDueAt" = m.sla AT TIME ZONE 'UTC',
      version = w.version + 1, "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM unnest(${col("id")}::uuid[], ${col("riskLevel")}::text[], ${col("priority")}::int[], ${col("repeatCount")}::int[], ${instants("lastSeenAt")}::timestamptz[],
                ${col("amountAtRisk")}::text[], ${col("victimName")}::text[], ${col("victimIdNumber")}::text[], ${col("victimAge")}::int[],
                ${col("victimGender")}::text[], ${col("victimAddress")}::text[], ${col("note")}::text[],
                ${instants("ackDueAt")}::timestamptz[], ${instants("contactDueAt")}::timestamptz[], ${instants("resolveDueAt")}::timestamptz[], ${instants("slaDueAt")}::timestamptz[])
      AS m(id, risk, priority, repeats, last, amount, name, idn, age, gender, address, note, ack, contact, resolve, sla)
    WHERE w.id = m.id`;
  return answers;
}
