// Boundary schemas of the publicity domain: one base per entity, per-use schemas derived from it.
import { z } from "zod";
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, DAILY_METRICS, MEASURE_KINDS, PUBLICITY_KINDS, TARGET_GROUPS } from "@/lib/publicity/enums";
import { daySchema, enumField, uuidSchema, intField, optionalDay, optionalEnum, optionalInt, optionalMonth, optionalPastDay, optionalText, pageField, pastDaySchema, text, optional, unitCodeSchema, idNumberSchema, versionSchema } from "@/lib/validation/fields";

const AUDIENCE_MAX = 10_000_000;

// ───────────── publicity events ─────────────

const eventFields = z.object({
  unitCode: optional(unitCodeSchema),
  kind: enumField(PUBLICITY_KINDS),
  targetGroup: enumField(TARGET_GROUPS),
  title: text(2, 128),
  occurredOn: pastDaySchema,
  place: optionalText(255),
  audienceCount: intField(0, AUDIENCE_MAX),
  appRegistrations: optionalInt(0, AUDIENCE_MAX),
  materialsCount: optionalInt(0, AUDIENCE_MAX),
  volunteers: optionalInt(0, 100_000),
  note: optionalText(2000),
});

const registrationsWithinAudience = (e: { audienceCount: number; appRegistrations?: number }) =>
  (e.appRegistrations ?? 0) <= e.audienceCount;
const registrationsIssue = { message: "exceeds_audience", path: ["appRegistrations"] };

export const createEventSchema = eventFields.strict().refine(registrationsWithinAudience, registrationsIssue);
export type CreateEventInput = z.infer<typeof createEventSchema>;

export const updateEventSchema = eventFields
  .extend({ id: uuidSchema, version: versionSchema })
  .strict()
  .refine(registrationsWithinAudience, registrationsIssue);
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

/** The events page's URL state. */
export const eventsQuerySchema = z
  .object({
    view: optionalEnum(["list", "calendar"] as const),
    unit: optional(unitCodeSchema),
    kind: optionalEnum(PUBLICITY_KINDS),
    group: optionalEnum(TARGET_GROUPS),
    from: optionalDay,
    to: optionalDay,
    month: optionalMonth,
    q: optionalText(64),
    page: pageField,
  })
  .strict();
export type EventsQuery = z.infer<typeof eventsQuerySchema>;

/** GET /api/v1/publicity-events. */
export const eventsApiQuerySchema = z
  .object({
    unit: optional(unitCodeSchema),
    kind: optionalEnum(PUBLICITY_KINDS),
    targetGroup: optionalEnum(TARGET_GROUPS),
    from: optionalDay,
    to: optionalDay,
    cursor: z.string().uuid("invalid_cursor").optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

// ───────────── daily counts ─────────────

export const metricField = enumField(DAILY_METRICS);

/** One count entered by hand; `version` when correcting an existing one. */
export const setCountSchema = z
  .object({ unitCode: optional(unitCodeSchema), metric: metricField, day: pastDaySchema, count: intField(0, 1_000_000), version: versionSchema.optional() })
  .strict();

export const countsQuerySchema = z
  .object({ metric: optionalEnum(DAILY_METRICS), unit: optional(unitCodeSchema), month: optionalMonth })
  .strict();

export const MAX_API_ITEMS = 5_000;
export const MAX_CHUNK_ROWS = 10_000;

/** POST /api/v1/app-registrations: a batch of daily counts of one metric. */
export const bulkCountsSchema = z
  .object({
    metric: enumField(DAILY_METRICS).default("APP_REGISTRATIONS"),
    /** Whether a different count for an existing (unit, day) replaces it (default) or is reported. */
    updateChanged: z.boolean().default(true),
    items: z.array(z.unknown()).min(1, "too_small").max(MAX_API_ITEMS, "too_many_items"),
  })
  .strict();
export const bulkCountItemSchema = z
  .object({ day: daySchema, unitCode: z.string().trim().min(1).max(16), count: z.number().int().min(0).max(1_000_000) })
  .strict();

/** A file row, as the import screen sends it to the server (cells as text). */
const importRowSchema = z.object({ line: z.number().int().min(1).max(10_000_000), day: z.string().max(40), unitCode: z.string().max(32), count: z.string().max(32) }).strict();

/** A chunk of file rows, as the import screen sends them to the server. */
export const importChunkSchema = z
  .object({ metric: enumField(DAILY_METRICS), rows: z.array(importRowSchema).max(MAX_CHUNK_ROWS, "too_many_items") })
  .strict();
/**
 * The rows the user confirmed, each with the stored count its preview showed (`previous`; absent:
 * none was stored): a count stored otherwise since is a conflict, never overwritten unseen.
 */
export const commitChunkSchema = z
  .object({
    metric: enumField(DAILY_METRICS),
    rows: z.array(importRowSchema.extend({ previous: z.number().int().min(0).max(2_147_483_647).optional() }).strict()).max(MAX_CHUNK_ROWS, "too_many_items"),
    updateChanged: z.boolean(),
  })
  .strict();

// ───────────── 反诈法 art. 38 measures ─────────────

/** Measures that run for a period need an end date; a fine or a confiscation happens once. */
export const TIMED_MEASURES = ["ADMIN_DETENTION", "SUSPEND_NON_COUNTER", "RECEIVE_ONLY", "RESTRICT_CALLS", "RESTRICT_NEW_CARDS"] as const;

const measureFields = z.object({
  unitCode: optional(unitCodeSchema),
  measure: enumField(MEASURE_KINDS),
  startsOn: daySchema,
  endsOn: optionalDay,
  reason: text(4, 2000),
  caseNumber: optionalText(32),
});

type MeasureDates = { measure: string; startsOn: string; endsOn?: string };
const measureDatesRefinement = (m: MeasureDates, ctx: z.RefinementCtx) => {
  if (m.endsOn && m.endsOn < m.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "before_start" });
  if (!m.endsOn && (TIMED_MEASURES as readonly string[]).includes(m.measure)) ctx.addIssue({ code: "custom", path: ["endsOn"], message: "required" });
};

export const createMeasureSchema = measureFields
  .extend({ personName: text(1, 64), personIdNumber: optional(idNumberSchema) })
  .strict()
  .superRefine(measureDatesRefinement);
export type CreateMeasureInput = z.infer<typeof createMeasureSchema>;

/** Identity fields left blank keep the stored values (the form never holds them in full). */
export const updateMeasureSchema = measureFields
  .extend({ id: uuidSchema, version: versionSchema, personName: optionalText(64), personIdNumber: optional(idNumberSchema) })
  .strict()
  .superRefine(measureDatesRefinement);

export const MEASURE_STATES = ["active", "ending", "ended", "revoked"] as const;
export const measuresQuerySchema = z
  .object({
    unit: optional(unitCodeSchema),
    measure: optionalEnum(MEASURE_KINDS),
    state: optionalEnum(MEASURE_STATES),
    from: optionalDay,
    to: optionalDay,
    page: pageField,
  })
  .strict();
export type MeasuresQuery = z.infer<typeof measuresQuerySchema>;

/** A record named by its id in the path. */
export const idSchema = z.object({ id: uuidSchema }).strict();

export const revealMeasureSchema = z.object({ id: uuidSchema, field: z.enum(["personName", "personIdNumber"]) }).strict();

// ───────────── 无诈 creation campaigns ─────────────

const campaignFields = z.object({
  unitCode: optional(unitCodeSchema),
  kind: enumField(CAMPAIGN_KINDS),
  name: text(2, 128),
  status: enumField(CAMPAIGN_STATUSES),
  startedOn: optionalPastDay,
  certifiedOn: optionalPastDay,
  note: optionalText(2000),
});

type CampaignDates = { status: string; startedOn?: string; certifiedOn?: string };
const campaignRefinement = (c: CampaignDates, ctx: z.RefinementCtx) => {
  if (c.status === "CERTIFIED" && !c.certifiedOn) ctx.addIssue({ code: "custom", path: ["certifiedOn"], message: "required" });
  if (c.status !== "CERTIFIED" && c.certifiedOn) ctx.addIssue({ code: "custom", path: ["certifiedOn"], message: "only_when_certified" });
  if (c.status !== "PLANNED" && !c.startedOn) ctx.addIssue({ code: "custom", path: ["startedOn"], message: "required" });
  if (c.startedOn && c.certifiedOn && c.certifiedOn < c.startedOn) ctx.addIssue({ code: "custom", path: ["certifiedOn"], message: "before_start" });
};

export const createCampaignSchema = campaignFields.strict().superRefine(campaignRefinement);
export const updateCampaignSchema = campaignFields.extend({ id: uuidSchema, version: versionSchema }).strict().superRefine(campaignRefinement);

export const campaignsQuerySchema = z
  .object({ unit: optional(unitCodeSchema), kind: optionalEnum(CAMPAIGN_KINDS), status: optionalEnum(CAMPAIGN_STATUSES) })
  .strict();

// ───────────── per-unit totals ─────────────

export const totalsQuerySchema = z.object({ unit: optional(unitCodeSchema), from: optionalDay, to: optionalDay }).strict();
export type TotalsQuery = z.infer<typeof totalsQuerySchema>;
