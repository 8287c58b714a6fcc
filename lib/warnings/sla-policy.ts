import "server-only";
import { getDb } from "@/lib/db";
import type { RiskLevel } from "@/lib/generated/prisma/enums";
import { DEFAULT_SLA, type SlaLadder } from "@/lib/warnings/sla";

const TTL_MS = 30_000;
let cached: { at: number; ladder: Promise<Record<RiskLevel, SlaLadder>> } | undefined;

/** The configured SLA ladder (sla_policies), falling back to the defaults; read once per 30 s. */
export function slaLadder(): Promise<Record<RiskLevel, SlaLadder>> {
  if (!cached || Date.now() - cached.at > TTL_MS) {
    const ladder = getDb().slaPolicy.findMany().then((rows) => {
      const out = { ...DEFAULT_SLA };
      for (const r of rows) out[r.riskLevel] = { ackMinutes: r.ackMinutes, contactMinutes: r.contactMinutes, resolveMinutes: r.resolveMinutes };
      return out;
    });
    cached = { at: Date.now(), ladder };
    ladder.catch(() => (cached = undefined));
  }
  return cached.ladder;
}

/** Forgets the cached ladder (after an admin changes it, and in tests); other instances follow within 30 s. */
export function forgetSlaLadder(): void {
  cached = undefined;
}
