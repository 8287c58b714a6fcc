// Builders of the app follow-up tests and of the authorization matrix's entries.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db";
import { recordHomeVisit } from "@/lib/field/record-home-visit";
import type { World } from "./authz/world";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

/** A warning of the matrix's precinct P dissuaded by P's officer at a visit that recorded no app: its person's open app follow-up. */
export async function openAppFollowUp(w: World): Promise<{ id: string; version: number; warningId: string }> {
  const v = await w.make.warning();
  await recordHomeVisit(w.own.OFFICER.actor, { id: v.id, arrivedAt: minutesAgo(0.5), personFound: true, outcome: "DISSUADED", appRegistered: false }, { idempotencyKey: randomUUID() });
  return getDb().appFollowUp.findFirstOrThrow({ where: { warningId: v.id }, select: { id: true, version: true, warningId: true } });
}
