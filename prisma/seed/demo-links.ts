// 串并案 in the demo: two recent open cases of 茅箭区 (the demo investigator's branch) share a
// fraudster's phone number with each other and with four recent warnings of its precincts, and
// one of them carries a WeChat id as well. The warnings' contacts are rewritten and the triggers
// of migration fraud_contacts link them; the cases get the contact as an investigator enters it.
import type { DriverSql } from "@/lib/db";

export const DEMO_SHARED_PHONE = "17088886666";
export const DEMO_SHARED_WECHAT = "tz_mentor888";

export async function linkDemoContacts(tx: DriverSql): Promise<void> {
  const cases = await tx.$queryRaw<{ id: string }[]>`
    SELECT c.id::text AS id FROM cases c JOIN units u ON u.id = c."unitId"
     WHERE u.code = '420302' AND c.status IN ('FILED', 'INVESTIGATING', 'REPORTED', 'PENDING_APPROVAL')
     ORDER BY c."reportedAt" DESC, c.id LIMIT 2`;
  if (cases.length < 2) throw new Error("demo links: fewer than two open cases of 420302");
  await tx.$executeRaw`
    UPDATE warnings w SET "contactChannel" = 'PHONE', "contactValue" = '+86 170 8888 6666'
      FROM (SELECT w2.id FROM warnings w2 JOIN units u ON u.id = w2."unitId"
             WHERE u.path LIKE '%/420302/%' AND w2."caseId" IS NULL ORDER BY w2."receivedAt" DESC, w2.id LIMIT 4) pick
     WHERE w.id = pick.id`;
  const [phone] = await tx.$queryRaw<{ id: string }[]>`SELECT fraud_contact_claim('PHONE', ${DEMO_SHARED_PHONE})::text AS id`;
  const [wechat] = await tx.$queryRaw<{ id: string }[]>`SELECT fraud_contact_claim('WECHAT', ${DEMO_SHARED_WECHAT})::text AS id`;
  for (const c of cases) {
    await tx.$executeRaw`INSERT INTO case_contacts ("contactId", "caseId") VALUES (${phone!.id}::uuid, ${c.id}::uuid) ON CONFLICT DO NOTHING`;
  }
  await tx.$executeRaw`INSERT INTO case_contacts ("contactId", "caseId") VALUES (${wechat!.id}::uuid, ${cases[0]!.id}::uuid) ON CONFLICT DO NOTHING`;
}
