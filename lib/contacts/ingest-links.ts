// The extra fraud contacts an ingested warning carries (`fraudContacts`), linked once the warning
// is written (its own channel and value are linked by the row trigger).
import "server-only";
import type { Sql } from "@/lib/db";
import type { FraudContactKind } from "@/lib/generated/prisma/enums";

export async function linkIngestedContacts(tx: Sql, items: { warningId: string; contacts: { kind: FraudContactKind; value: string }[] }[]): Promise<void> {
  const rows = items.flatMap((i) => i.contacts.map((c) => ({ w: i.warningId, k: c.kind, v: c.value })));
  if (!rows.length) return;
  await tx.$executeRaw`
    INSERT INTO warning_contacts ("contactId", "warningId")
    SELECT cid, wid FROM (
      SELECT fraud_contact_claim(x.k::"FraudContactKind", x.v) AS cid, x.w AS wid
        FROM unnest(${rows.map((r) => r.w)}::uuid[], ${rows.map((r) => r.k)}::text[], ${rows.map((r) => r.v)}::text[]) AS x(w, k, v)
    ) s WHERE cid IS NOT NULL
    ON CONFLICT DO NOTHING`;
}
