// What an audit record is about, as people name it: a case by its number, a warning by its feed
// number (预警编号), a case's sub-record by its case, a user by the account name. Resolved per page
// of records in one query per entity type; an id that names nothing (a deleted row, a denial for a
// made-up id) keeps no label and is shown as the id.
import "server-only";
import { getDb } from "@/lib/db";
import { maskName } from "@/lib/pii";

export type EntityRef = { kind: "case" | "warning" | "name"; text: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Resolver = (ids: string[]) => Promise<[string, EntityRef][]>;

const caseRef = (n: string): EntityRef => ({ kind: "case", text: n });
const warningRef = (n: string): EntityRef => ({ kind: "warning", text: n });
const nameRef = (n: string): EntityRef => ({ kind: "name", text: n });

/** A sub-record of a case is labelled with the case's number. */
const viaCase = (find: (ids: string[]) => Promise<{ id: string; fraudCase: { caseNumber: string } | null }[]>): Resolver =>
  async (ids) => (await find(ids)).flatMap((r) => (r.fraudCase ? [[r.id, caseRef(r.fraudCase.caseNumber)] as [string, EntityRef]] : []));

const caseSelect = { id: true, fraudCase: { select: { caseNumber: true } } } as const;

const RESOLVERS: Record<string, Resolver> = {
  FraudCase: async (ids) => (await getDb().fraudCase.findMany({ where: { id: { in: ids } }, select: { id: true, caseNumber: true } })).map((c) => [c.id, caseRef(c.caseNumber)]),
  Warning: async (ids) => (await getDb().warning.findMany({ where: { id: { in: ids } }, select: { id: true, externalId: true } })).map((w) => [w.id, warningRef(w.externalId)]),
  CaseVictim: viaCase((ids) => getDb().caseVictim.findMany({ where: { id: { in: ids } }, select: caseSelect })),
  FreezeRequest: viaCase((ids) => getDb().freezeRequest.findMany({ where: { id: { in: ids } }, select: caseSelect })),
  SeizedItem: viaCase((ids) => getDb().seizedItem.findMany({ where: { id: { in: ids } }, select: caseSelect })),
  FundRecovery: viaCase((ids) => getDb().fundRecovery.findMany({ where: { id: { in: ids } }, select: caseSelect })),
  CaseTransfer: viaCase((ids) => getDb().caseTransfer.findMany({ where: { id: { in: ids } }, select: caseSelect })),
  DisciplinaryMeasure: viaCase((ids) => getDb().disciplinaryMeasure.findMany({ where: { id: { in: ids } }, select: caseSelect })),
  DissuasionAction: async (ids) =>
    (await getDb().dissuasionAction.findMany({ where: { id: { in: ids } }, select: { id: true, warning: { select: { externalId: true } } } }))
      .flatMap((a) => (a.warning ? [[a.id, warningRef(a.warning.externalId)] as [string, EntityRef]] : [])),
  // A suspect's name is personal data: masked like every list shows it.
  Suspect: async (ids) => (await getDb().suspect.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((s) => [s.id, nameRef(maskName(s.name) ?? "")]),
  Gang: async (ids) => (await getDb().gang.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((g) => [g.id, nameRef(g.name)]),
  User: async (ids) => (await getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true } })).map((u) => [u.id, nameRef(u.username)]),
  Unit: async (ids) => (await getDb().unit.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, code: true } })).map((u) => [u.id, nameRef(`${u.name}（${u.code}）`)]),
  ApiKey: async (ids) => (await getDb().apiKey.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((k) => [k.id, nameRef(k.name)]),
  PublicityEvent: async (ids) => (await getDb().publicityEvent.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((e) => [e.id, nameRef(e.title)]),
  PreventionCampaign: async (ids) => (await getDb().preventionCampaign.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, nameRef(c.name)]),
};

export const entityKey = (entityType: string, entityId: string) => `${entityType}:${entityId}`;

/** Labels for the records a page of audit rows names, keyed by `entityKey(type, id)`. */
export async function entityRefs(rows: readonly { entityType: string | null; entityId: string | null }[]): Promise<Map<string, EntityRef>> {
  const byType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.entityType || !r.entityId || !RESOLVERS[r.entityType] || !UUID.test(r.entityId)) continue;
    const ids = byType.get(r.entityType) ?? new Set<string>();
    ids.add(r.entityId);
    byType.set(r.entityType, ids);
  }
  const found = await Promise.all([...byType].map(async ([type, ids]) => (await RESOLVERS[type]!([...ids])).map(([id, ref]) => [entityKey(type, id), ref] as const)));
  return new Map(found.flat());
}
