// 串并案's default list kept ahead of the read (issue 17, migration contact_window): the scheduler's
// contact_window holds every unit's subtree's contacts for the last 90 days, and the contacts
// changed since its refresh (contact_window_dirty) are summed on request — so the list is exact
// between refreshes, through a new warning, a deleted one and a case link, at the precinct, the
// branch, the other branch and the centre, with each filter; a refresh of another day's period is
// not used; the all-time figure (contact_units) follows the same changes. And a contact that more
// warnings carry than a cluster shows is cut at its newest, by the links' own time and unit.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { createCase } from "@/lib/cases/create-case";
import { addCaseContact } from "@/lib/contacts/commands";
import { CLUSTER_LIMIT, clusterList, refreshContactWindow, showCluster } from "@/lib/contacts/queries";
import type { ClusterFilter } from "@/lib/contacts/schemas";
import { addDays, chinaToday } from "@/lib/time/china";
import { makeApiKey, makeUser, warningInput } from "@/tests/factories";
import { caseInput, caseTeam, type CaseTeam } from "./cases-fixtures";

let team: CaseTeam;
let feed: Actor;
let branch: Actor;
let other: Actor;
let center: Actor;
let precinct: Actor;
beforeAll(async () => {
  team = await caseTeam();
  forgetRoutingTable();
  feed = (await makeApiKey(team.tree.city, ["warnings:ingest"])).actor;
  branch = team.investigator.actor;
  other = team.outsider.actor;
  center = (await makeUser(team.tree.center, "DISPATCHER")).actor;
  precinct = (await makeUser(team.branch.precincts[0]!, "OFFICER")).actor;
});
// Leave a refresh of today behind for the other files (the list is exact either way).
afterAll(async () => {
  await refreshContactWindow();
});

const fraudPhone = () => `0718${String(randomInt(0, 1e7)).padStart(7, "0")}`;
async function warn(unitCode: string, value: string, channel = "PHONE") {
  const [r] = await ingestWarnings(feed, [warningInput({ unitCode, contact: { channel, value } })]);
  expect(r?.status).toBe("created");
  return r!.id!;
}
const contactOf = async (value: string) => (await getDb().fraudContact.findFirstOrThrow({ where: { value }, select: { id: true } })).id;
/** The list's rows for these contacts only (other files share the database, not the units), by id. */
const rowsOf = async (actor: Actor, ids: string[], f: ClusterFilter = {}) =>
  (await clusterList(actor, f, new Date())).filter((r) => ids.includes(r.id))
    .map(({ id, warnings, cases, records, totalRecords }) => ({ id, warnings, cases, records, totalRecords }))
    .sort((a, b) => a.id.localeCompare(b.id));
const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const stateDay = async () => (await getDb().contactWindowState.findUniqueOrThrow({ where: { id: 1 }, select: { toDay: true } })).toDay.toISOString().slice(0, 10);
const dirty = (ids: string[]) => getDb().contactWindowDirty.count({ where: { contactId: { in: ids } } });

describe("the kept list", () => {
  it("is exact between refreshes: a new warning, a deleted one and a case link count at once, in each scope", async () => {
    const [p, q, x] = [fraudPhone(), fraudPhone(), fraudPhone()];
    const [p1, p2] = [team.branch.precincts[0]!.code, team.branch.precincts[1]!.code];
    const far = team.other.precincts[0]!.code;
    await warn(p1, p); await warn(p2, p); await warn(far, p);
    const q1 = await warn(p1, q); await warn(p1, q);
    await warn(p1, x); await warn(far, x);
    const [P, Q, X] = [await contactOf(p), await contactOf(q), await contactOf(x)];
    const ids = [P, Q, X];
    expect(await dirty(ids)).toBeGreaterThan(0);
    expect(await refreshContactWindow()).toBeGreaterThan(0);
    expect(await dirty(ids)).toBe(0);
    const kept = await getDb().contactWindow.findMany({ where: { contactId: { in: ids } }, select: { scopeId: true, contactId: true, records: true } });
    // Q twice in one precinct, P across the branch's two precincts, X only across branches.
    expect(kept.filter((k) => k.scopeId === team.branch.precincts[0]!.id).map((k) => k.contactId)).toEqual([Q]);
    expect(kept.filter((k) => k.scopeId === team.branch.id).map((k) => k.contactId).sort()).toEqual([P, Q].sort());
    expect(kept.filter((k) => k.scopeId === team.other.id)).toEqual([]);
    expect(kept.filter((k) => k.scopeId === team.tree.city.id).map((k) => [k.contactId, k.records]).sort()).toEqual([[P, 3], [Q, 2], [X, 2]].sort());

    expect(await rowsOf(precinct, ids)).toEqual([{ id: Q, warnings: 2, cases: 0, records: 2, totalRecords: 2 }]);
    expect(await rowsOf(branch, ids)).toEqual(byId([{ id: P, warnings: 2, cases: 0, records: 2, totalRecords: 2 }, { id: Q, warnings: 2, cases: 0, records: 2, totalRecords: 2 }]));
    expect(await rowsOf(other, ids)).toEqual([]);
    expect((await rowsOf(center, ids)).map((r) => [r.id, r.records])).toEqual(byId([{ id: P, r: 3 }, { id: Q, r: 2 }, { id: X, r: 2 }]).map((r) => [r.id, r.r]));
    // Most records first.
    expect((await clusterList(center, {}, new Date())).filter((r) => ids.includes(r.id))[0]!.id).toBe(P);

    // After the refresh: P once more in the other branch, one Q warning deleted, a case of the
    // branch naming X. No refresh: the changed contacts are summed on request.
    await warn(far, p);
    await getDb().warning.delete({ where: { id: q1 } });
    const k = await createCase(branch, caseInput());
    await addCaseContact(branch, { id: k.id, kind: "PHONE", value: x });
    expect(await dirty(ids)).toBeGreaterThan(0);
    const between = await Promise.all([precinct, branch, other, center].map((a) => rowsOf(a, ids)));
    expect(between[0]).toEqual([]);
    expect(between[1]).toEqual(byId([{ id: P, warnings: 2, cases: 0, records: 2, totalRecords: 2 }, { id: X, warnings: 1, cases: 1, records: 2, totalRecords: 2 }]));
    expect(between[2]).toEqual([{ id: P, warnings: 2, cases: 0, records: 2, totalRecords: 2 }]);
    expect(between[3]!.find((r) => r.id === P)).toMatchObject({ records: 4, totalRecords: 4 });
    expect(between[3]!.find((r) => r.id === Q)).toBeUndefined();

    // The next refresh reads the same.
    await refreshContactWindow();
    expect(await dirty(ids)).toBe(0);
    expect(await Promise.all([precinct, branch, other, center].map((a) => rowsOf(a, ids)))).toEqual(between);
  });

  it("gives what the list summed on request gives, with every filter; a refresh of another day's period is not used", async () => {
    const [p, u] = [fraudPhone(), `https://fake-${randomInt(0, 1e9)}.example.cn/app`];
    const [p1, p2] = [team.branch.precincts[0]!.code, team.branch.precincts[1]!.code];
    for (const code of [p1, p1, p2]) await warn(code, p);
    for (const code of [p1, p2]) await warn(code, u, "URL");
    const ids = [await contactOf(p), await contactOf(u.replace(/^https:\/\//, "").toLowerCase())];
    const filters: [Actor, ClusterFilter][] = [
      [center, {}], [center, { kind: "URL" }], [center, { minRecords: 3 }], [branch, {}], [branch, { unit: p1 }], [center, { unit: team.branch.code, kind: "PHONE" }],
    ];
    const read = () => Promise.all(filters.map(([a, f]) => rowsOf(a, ids, f)));

    await refreshContactWindow();
    const kept = await read();
    expect(kept[0]).toHaveLength(2);
    expect(kept[1]!.map((r) => r.id)).toEqual([ids[1]]);
    expect(kept[2]!.map((r) => r.id)).toEqual([ids[0]]);
    expect(kept[4]).toEqual([{ id: ids[0], warnings: 2, cases: 0, records: 2, totalRecords: 2 }]);
    // A refresh of the period ending yesterday (as before the first refresh after midnight): not
    // today's period, so the list is summed from contact_days — and reads the same.
    await refreshContactWindow(new Date(Date.now() - 86_400_000));
    expect(await stateDay()).toBe(addDays(chinaToday(), -1));
    expect(await read()).toEqual(kept);
    await refreshContactWindow();
  });
});

describe("a cluster too big to show", () => {
  it("is cut at its newest warnings, read by the links' own time and unit, before and after a warning moves", async () => {
    const p = fraudPhone();
    const [p1, p2] = [team.branch.precincts[0]!, team.branch.precincts[1]!];
    const at = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    // CLUSTER_LIMIT + 2 warnings in one precinct, a minute apart, and the three newest in the other.
    // Each a victim of their own: two random numbers alike among a thousand would make a repeat (1 run in 200).
    const base = randomInt(0, 90_000_000);
    const victim = (i: number) => ({ name: "王某某", phone: `139${String(base + i).padStart(8, "0")}` });
    const items = Array.from({ length: CLUSTER_LIMIT + 2 }, (_, i) => warningInput({ unitCode: p1.code, victim: victim(i), contact: { channel: "PHONE", value: p }, receivedAt: at(10 + i) }));
    items.push(...[1, 2, 3].map((m) => warningInput({ unitCode: p2.code, victim: victim(CLUSTER_LIMIT + 2 + m), contact: { channel: "PHONE", value: p }, receivedAt: at(m) })));
    const results = await ingestWarnings(feed, items);
    expect(results.every((r) => r.status === "created")).toBe(true);
    const id = await contactOf(p);

    const all = await showCluster(branch, { id });
    expect(all.truncated).toBe(true);
    expect(all.warnings).toHaveLength(CLUSTER_LIMIT);
    const times = all.warnings.map((w) => w.receivedAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.warnings.slice(0, 3).every((w) => w.unitName === p2.name)).toBe(true);
    // The other precinct alone: its three. The first precinct alone: still cut, none of the three.
    expect((await showCluster(branch, { id, unit: p2.code })).warnings).toHaveLength(3);
    const first = await showCluster(branch, { id, unit: p1.code });
    expect(first.warnings.some((w) => w.unitName === p2.name)).toBe(false);
    expect(first.truncated).toBe(true);

    // The newest one moves to the first precinct and back in time: its link follows.
    const newest = all.warnings[0]!.id;
    await getDb().warning.update({ where: { id: newest }, data: { unitId: p1.id, receivedAt: new Date(Date.now() - 5 * 86_400_000) } });
    expect((await showCluster(branch, { id, unit: p2.code })).warnings.map((w) => w.id)).not.toContain(newest);
    expect((await showCluster(branch, { id })).warnings.map((w) => w.id)).not.toContain(newest);
  });
});
