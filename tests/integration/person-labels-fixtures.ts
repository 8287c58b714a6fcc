// Builders of the person-labels tests and of the authorization matrix's entries: a labelled person
// of the matrix's precinct P, and an outreach campaign with one open task in P.
import { getDb } from "@/lib/db";
import { personOfP } from "./authz/matrix-routes";
import type { World } from "./authz/world";

/** A person of P (a fresh warning's victim) labelled ELDERLY_ALONE in P. */
export async function labelledOfP(w: World): Promise<{ personId: string; labelId: string }> {
  const p = await personOfP(w);
  const l = await getDb().personLabel.create({ data: { personId: p.id, label: "ELDERLY_ALONE", unitId: w.P.id, source: "MANUAL", name: "张桂兰" } });
  return { personId: p.id, labelId: l.id };
}

/** A campaign of P with one open task for a labelled person of P. */
export async function outreachTaskOfP(w: World): Promise<{ id: string; version: number; campaignId: string }> {
  const { personId } = await labelledOfP(w);
  const c = await getDb().outreachCampaign.create({ data: { unitId: w.P.id, label: "ELDERLY_ALONE", notContactedDays: 90, title: "定向走访：独居老人", taskCount: 1 } });
  const t = await getDb().outreachTask.create({ data: { campaignId: c.id, personId, unitId: w.P.id } });
  return { id: t.id, version: t.version, campaignId: c.id };
}
