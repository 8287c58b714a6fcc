// Shared set-up of the field tests: a city, its 反诈中心 dispatcher, a feed, and officers of two
// precincts in different branches.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { chinaToday, addDays } from "@/lib/time/china";
import { makeApiKey, makeUnitTree, makeUser, warningInput } from "@/tests/factories";

export type FieldTeam = Awaited<ReturnType<typeof fieldTeam>>;

export async function fieldTeam() {
  const tree = await makeUnitTree();
  forgetRoutingTable();
  const precinct = tree.branches[0]!.precincts[0]!;
  const otherPrecinct = tree.branches[1]!.precincts[0]!;
  return {
    tree,
    precinct,
    otherPrecinct,
    feed: await makeApiKey(tree.city, ["warnings:ingest"]),
    dispatcher: await makeUser(tree.center, "DISPATCHER"),
    officer: await makeUser(precinct, "OFFICER"),
    colleague: await makeUser(precinct, "OFFICER"),
    senior: await makeUser(precinct, "OFFICER", { grants: ["warnings:triage"] }),
    outsider: await makeUser(otherPrecinct, "OFFICER"),
  };
}

/** A warning routed to the given unit (the team's precinct by default), still PENDING. */
export async function precinctWarning(team: FieldTeam, over: Record<string, unknown> = {}, unit: { code: string } = team.precinct) {
  const [r] = await ingestWarnings(team.feed.actor, [warningInput({ unitCode: unit.code, ...over })]);
  if (r!.status !== "created") throw new Error(`warning not created: ${JSON.stringify(r)}`);
  return getDb().warning.findUniqueOrThrow({ where: { id: r!.id } });
}

/** A submit's idempotency key, as the commands take it. */
export const key = () => ({ idempotencyKey: randomUUID() });
export const today = () => chinaToday();
export const inDays = (n: number) => addDays(chinaToday(), n);
export const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A valid home visit; override any field. */
export function visit(over: Record<string, unknown> = {}) {
  return {
    arrivedAt: minutesAgo(0.5), personFound: true, outcome: "DISSUADED", amountProtected: "20000.00",
    appRegistered: true, relativesContacted: false, note: "上门讲解冒充公检法诈骗手法，当事人停止转账", ...over,
  };
}

/** A valid counter interception; override any field. */
export function intercept(over: Record<string, unknown> = {}) {
  return {
    occurredAt: minutesAgo(10), bankName: "中国工商银行十堰分行", bankBranch: "白浪支行", customerName: "陈桂英",
    customerPhone: "13972001234", amountProtected: "58000.00", fraudType: "IMPERSONATE_OFFICIAL", appRegistered: true, ...over,
  };
}

/** How many dissuasion actions a warning has. */
export const actionsOf = (warningId: string) => getDb().dissuasionAction.count({ where: { warningId } });
