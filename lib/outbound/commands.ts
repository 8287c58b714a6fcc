import "server-only";
// The administrator's outbound settings: the message templates per channel and fraud type, and
// the dissuasion ladder per risk level. Global, so (like the SLA ladder) only an administrator of
// the root unit changes them; every change is versioned and audited.
import { z } from "zod";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { FraudType, RiskLevel } from "@/lib/generated/prisma/enums";
import { assertRootAdmin, saveSetting } from "@/lib/settings/commands";
import { DEFAULT_TEMPLATES, OUTBOUND_TEMPLATES_KEY, templateIssues, type Templates } from "@/lib/outbound/templates";
import { DEFAULT_LADDER, OUTBOUND_LADDER_KEY, rungsSchema } from "@/lib/outbound/ladder-config";

const text = z.string().trim().min(1, "required").max(500, "too_big");
const perType = z.object(Object.fromEntries(Object.values(FraudType).map((f) => [f, text])) as Record<FraudType, typeof text>).strict();
const version = z.coerce.number().int().min(0).max(2_147_483_647);

export const templatesSchema = z.object({ SMS: perType, FLASH: perType, ROBOT_CALL: perType, version }).strict()
  .superRefine((t, ctx) => {
    for (const i of templateIssues(t)) ctx.addIssue({ code: "custom", path: i.path.split("."), message: i.code });
  });

const seconds = (min: number, max: number) => z.coerce.number().int("not_integer").min(min, "too_small").max(max, "too_big");
const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);
const rungsForm = z.object({
  sms: flag.optional().default(false), flash: flag.optional().default(false), humanCall: flag.optional().default(false),
  robotCallAfterSeconds: seconds(0, 24 * 3600).optional(), redialEverySeconds: seconds(1, 24 * 3600), redials: seconds(0, 10),
  visitAfterMinutes: seconds(1, 7 * 24 * 60).optional(),
}).strict().transform((r) => rungsSchema.parse({ ...r, robotCallAfterSeconds: r.robotCallAfterSeconds ?? null, visitAfterMinutes: r.visitAfterMinutes ?? null }));

export const ladderFormSchema = z.object({
  ...(Object.fromEntries(Object.values(RiskLevel).map((r) => [r, rungsForm])) as Record<RiskLevel, typeof rungsForm>),
  version,
}).strict();

/** Saves the SMS, 闪信 and robot call texts (each checked against the SMS segments, naming its field). */
export const updateOutboundTemplates = command({
  name: "config.outbound.templates", permission: "config:manage",
  summary: "Save the dissuasion SMS, 闪信 and robot call texts per fraud type",
  input: templatesSchema, audit: ["config.outbound.update"],
  async run({ actor, input: { version, ...templates }, tx }): Promise<void> {
    await assertRootAdmin(actor);
    if (await saveSetting(tx, OUTBOUND_TEMPLATES_KEY, templates satisfies Templates, version, DEFAULT_TEMPLATES)) {
      await writeAudit(tx, actor, { action: "config.outbound.update", success: true, entityType: "AppSetting", entityId: OUTBOUND_TEMPLATES_KEY });
    }
  },
});

/** Saves the dissuasion ladder per risk level (applies to warnings received from now on). */
export const updateOutboundLadder = command({
  name: "config.outbound.ladder", permission: "config:manage",
  summary: "Save the dissuasion ladder per risk level",
  input: ladderFormSchema, audit: ["config.outbound.update"],
  async run({ actor, input: { version, ...ladder }, tx }): Promise<void> {
    await assertRootAdmin(actor);
    if (await saveSetting(tx, OUTBOUND_LADDER_KEY, ladder, version, DEFAULT_LADDER)) {
      await writeAudit(tx, actor, { action: "config.outbound.update", success: true, entityType: "AppSetting", entityId: OUTBOUND_LADDER_KEY, details: { ladder } });
    }
  },
});
