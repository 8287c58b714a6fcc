import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { auditDenied, requirePageUser } from "@/lib/auth/guards";

/**
 * For the field pages a dispatcher or senior officer also opens (a warning, the precinct view):
 * the signed-in user who works warnings, either as a precinct officer or as a triage holder.
 * Anyone else sees "not found" (audited).
 */
export async function requireFieldPage(): Promise<Actor> {
  const actor = await requirePageUser();
  if (actor.permissions.has("warnings:work") || actor.permissions.has("warnings:triage")) return actor;
  await auditDenied(actor, { permission: "warnings:work" });
  notFound();
}
