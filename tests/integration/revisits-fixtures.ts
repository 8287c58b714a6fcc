// Builders of the revisits tests and of the authorization matrix's revisit entries.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import type { World } from "./authz/world";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A warning of the matrix's precinct P dissuaded at a home visit by P's officer: its first revisit (open). */
export async function dissuadedRevisit(w: World): Promise<{ id: string; version: number; warningId: string }> {
  const v = await w.make.warning();
  await recordHomeVisit(w.own.OFFICER.actor, { id: v.id, arrivedAt: minutesAgo(0.5), personFound: true, outcome: "DISSUADED" }, { idempotencyKey: randomUUID() });
  const r = await getDb().revisit.findFirstOrThrow({ where: { warningId: v.id, sequence: 1 }, select: { id: true, version: true, warningId: true } });
  return r;
}
