// The dissuasion ladder per risk level (app setting outbound.ladder): which messages go at once,
// when the robot call starts and how often it redials, then the human rungs (a 96110 call task
// for the warning's unit, then a home visit task if nobody has acted meanwhile).
import { z } from "zod";
import { RiskLevel } from "@/lib/generated/prisma/enums";

export const OUTBOUND_LADDER_KEY = "outbound.ladder";

export const rungsSchema = z.object({
  sms: z.boolean(),
  flash: z.boolean(),
  /** Seconds after the warning before the first robot call; null: no robot call. */
  robotCallAfterSeconds: z.number().int().min(0).max(24 * 3600).nullable(),
  /** Seconds between redials, and how many redials after the first call. */
  redialEverySeconds: z.number().int().min(1).max(24 * 3600),
  redials: z.number().int().min(0).max(10),
  /** Unreached after the calls: a 96110 human call task for the unit. */
  humanCall: z.boolean(),
  /** Minutes after the human call task without a human action: a home visit task. Null: none. */
  visitAfterMinutes: z.number().int().min(1).max(7 * 24 * 60).nullable(),
}).strict();

export type Rungs = z.infer<typeof rungsSchema>;
export type Ladder = Record<RiskLevel, Rungs>;

export const ladderSchema = z.object(Object.fromEntries(Object.values(RiskLevel).map((r) => [r, rungsSchema])) as Record<RiskLevel, typeof rungsSchema>).strict();

const none: Rungs = { sms: false, flash: false, robotCallAfterSeconds: null, redialEverySeconds: 300, redials: 0, humanCall: false, visitAfterMinutes: null };

export const DEFAULT_LADDER: Ladder = {
  CRITICAL: { sms: true, flash: true, robotCallAfterSeconds: 60, redialEverySeconds: 300, redials: 3, humanCall: true, visitAfterMinutes: 30 },
  HIGH: { sms: true, flash: false, robotCallAfterSeconds: 300, redialEverySeconds: 600, redials: 1, humanCall: true, visitAfterMinutes: null },
  MEDIUM: { ...none, sms: true },
  LOW: none,
};

export const isEmpty = (r: Rungs) => !r.sms && !r.flash && r.robotCallAfterSeconds === null;
