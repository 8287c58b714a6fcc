// What an ingestion batch's new warnings derive once the batch has committed, outside the
// ingestion lock: their fraud contacts' links and their persons' dates (migration
// intake_followups). Nothing that ingestion decides reads them, and under the lock they held up
// every other batch.
import "server-only";
import { linkIngestedContacts } from "@/lib/contacts/ingest-links";
import { getDb, selectCalls, sqlTransaction, type Db, type DriverSql } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FraudContactKind } from "@/lib/generated/prisma/enums";
import { uuidv7 } from "@/lib/ids";
import { boundIngestTransaction } from "@/lib/warnings/ingest-limits";

/** A new warning and the extra fraud contacts its item carried. */
export type Created = { warningId: string; contacts: { kind: FraudContactKind; value: string }[] };

/** A follow-up older than this was left by an instance that stopped after its batch committed. */
const LEFT_AFTER_MS = 30_000;

/**
 * What new warnings derive, in the caller's transaction: their own contacts' links, their persons'
 * dates (intake_derive) and the links of the extra contacts their items carried. `alongside`: the
 * caller's last calls (its audit record, its announcement), made after the derivation in the same
 * statement — one round trip fewer while the caller holds its locks.
 */
export async function deriveCreated(tx: DriverSql, created: Created[], alongside: Prisma.Sql[] = []): Promise<void> {
  await derive(tx, created.map((c) => c.warningId), created.filter((c) => c.contacts.length), alongside);
}

async function derive(tx: DriverSql, warningIds: string[], contacts: Created[], alongside: Prisma.Sql[] = []) {
  const calls = [...(warningIds.length ? [Prisma.sql`intake_derive(${warningIds}::uuid[])`] : []), ...alongside];
  if (!calls.length) return;
  await tx.$queryRaw`${selectCalls(calls)}`;
  await linkIngestedContacts(tx, contacts);
}

/** In the batch's transaction: the row that says what its new warnings still derive; its id, or null for none. */
export async function queueFollowUp(tx: DriverSql, created: Created[]): Promise<string | null> {
  if (!created.length) return null;
  const id = uuidv7();
  await tx.$executeRaw`
    INSERT INTO intake_followups (id, "warningIds", contacts, "createdAt")
    VALUES (${id}::uuid, ${created.map((c) => c.warningId)}::uuid[], ${JSON.stringify(created.filter((c) => c.contacts.length))}::jsonb,
            now() AT TIME ZONE 'UTC')`;
  return id;
}

/**
 * Derives what these follow-ups name and deletes them, in the caller's transaction: a follow-up
 * another transaction is doing waits for it and is then found gone, so each is done once. Answers
 * how many warnings it derived.
 */
async function deriveFollowUps(tx: DriverSql, ids: string[]): Promise<number> {
  const done = await tx.$queryRaw<{ warningIds: string[]; contacts: Created[] }[]>`
    DELETE FROM intake_followups WHERE id = ANY(${ids}::uuid[]) RETURNING "warningIds"::text[] AS "warningIds", contacts`;
  const warningIds = done.flatMap((f) => f.warningIds);
  await derive(tx, warningIds, done.flatMap((f) => f.contacts));
  return warningIds.length;
}

/** The follow-ups, in a transaction of their own (after their batch's commit), bounded as the batch's was. */
export const runFollowUps = (ids: string[], db: Db = getDb()): Promise<number> =>
  ids.length
    ? sqlTransaction(db, async (tx) => {
      await boundIngestTransaction(tx, { deferred: false });
      return deriveFollowUps(tx, ids);
    })
    : Promise.resolve(0);

/** The scheduler's part: the follow-ups an instance left when it stopped between a batch's commit and its follow-up. */
export async function finishLeftFollowUps(db: Db = getDb(), leftAfterMs = LEFT_AFTER_MS): Promise<number> {
  const left = await db.$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM intake_followups
     WHERE "createdAt" < now() AT TIME ZONE 'UTC' - make_interval(secs => ${leftAfterMs / 1000}::float8)
     ORDER BY "createdAt" LIMIT 20`;
  return runFollowUps(left.map((f) => f.id), db);
}
