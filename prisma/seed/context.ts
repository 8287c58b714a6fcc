// What the demo-data builders share: the seeded PRNG, the reference time, and the units and
// users already created (with their ids).
import type { Role } from "@/lib/generated/prisma/enums";
import type { Rng } from "./random";
import type { UnitSeed } from "./units";

export type SeedUnit = UnitSeed & { id: string };
export type SeedUser = { id: string; username: string; displayName: string; role: Role; unitCode: string; unitId: string };

export type SeedContext = {
  rng: Rng;
  now: Date;
  /**
   * How many days back the demo's history reaches: the whole of last year and at least 13 months,
   * so 同比 and 环比 of every preset period (本年 included) compare with something.
   */
  historyDays: number;
  units: ReadonlyMap<string, SeedUnit>;
  users: ReadonlyMap<string, SeedUser>;
};

export function unitOf(ctx: SeedContext, code: string): SeedUnit {
  const unit = ctx.units.get(code);
  if (!unit) throw new Error(`demo data names an unknown unit ${code}`);
  return unit;
}

export function userOf(ctx: SeedContext, username: string): SeedUser {
  const user = ctx.users.get(username);
  if (!user) throw new Error(`demo data names an unknown user ${username}`);
  return user;
}

/** The branch a precinct belongs to (a branch is its own branch). */
export function branchOf(ctx: SeedContext, unit: SeedUnit): SeedUnit {
  return unit.kind === "PRECINCT" ? unitOf(ctx, unit.parentCode!) : unit;
}

export function precincts(ctx: SeedContext): SeedUnit[] {
  return [...ctx.units.values()].filter((u) => u.kind === "PRECINCT");
}
