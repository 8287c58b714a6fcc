// Importing a community's list of vulnerable people (CSV). The preview checks every row and says
// what would change, writing nothing; the import checks them again and writes the valid rows:
// the person is found or created by PostgreSQL (person_link, the person file's rule) and the label
// is kept once per person, label and home unit, so importing the same list again adds nothing.
import "server-only";
import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError } from "@/lib/errors";
import { parseCsv } from "@/lib/publicity/import-rows";
import { labelUnits } from "@/lib/persons/labels";
import { MAX_LABEL_IMPORT_ROWS } from "@/lib/persons/label-constants";
import { checkLabelRow, labelRowsFromTable, markDuplicateLabelRows, type LabelRowError } from "@/lib/persons/label-import-rows";
import { routingTable } from "@/lib/units/jurisdiction";
import { optional, unitCodeSchema } from "@/lib/validation/fields";
import zh from "@/lib/i18n/messages/zh-CN/vulnerable.json";

export const labelImportSchema = z
  .object({
    /** The list as CSV text (UTF-8; a header row naming the columns is recognised) … */
    csv: optional(z.string().max(2_000_000, "too_long")),
    /** … or as the rows of cell text of a spreadsheet's first sheet (the page reads .xlsx and GB18030 CSV so). */
    table: optional(z.array(z.array(z.string().max(2000, "too_long")).max(50, "too_many_columns")).max(MAX_LABEL_IMPORT_ROWS + 1, "too_many_rows")),
    /** The home unit of the listed persons (default: the caller's). */
    unit: optional(unitCodeSchema),
  })
  .strict()
  .refine((v) => (v.csv === undefined) !== (v.table === undefined), { path: ["csv"], message: "required" });

export type LabelRowProblem = { line: number; errors: LabelRowError[]; reasons: string[] };
export type LabelImportResult = { rows: number; created: number; updated: number; unchanged: number; errors: LabelRowProblem[] };

const reasonOf = (e: LabelRowError) => (zh.vulnerable.import.errors as Record<string, string>)[e] ?? e;

async function homeUnit(actor: Actor, code: string | undefined): Promise<string> {
  if (!code || code === actor.unitCode) return actor.unitId;
  const u = (await routingTable()).byCode.get(code);
  // labelUnits answers 404 (audited) for a unit outside the jurisdiction.
  if (!u) throw new AppError("VALIDATION", "unknown unit", [{ path: "unit", code: "unknown_unit", message: "unknown_unit" }]);
  await labelUnits(actor, code);
  return u.id;
}

function checkFile(input: { csv?: string; table?: string[][] }) {
  const raw = labelRowsFromTable(input.table ?? parseCsv(input.csv ?? ""));
  if (raw.length === 0) throw new AppError("VALIDATION", "empty file", [{ path: "csv", code: "empty", message: "empty" }]);
  if (raw.length > MAX_LABEL_IMPORT_ROWS) throw new AppError("VALIDATION", "too many rows", [{ path: "csv", code: "too_many_rows", message: "too_many_rows" }]);
  const checked = markDuplicateLabelRows(raw.map((r) => checkLabelRow(r)));
  const errors: LabelRowProblem[] = checked.flatMap((r) => (r.ok ? [] : [{ line: r.line, errors: r.errors, reasons: r.errors.map(reasonOf) }]));
  return { rows: raw.length, valid: checked.flatMap((r) => (r.ok ? [r] : [])), errors };
}
type Valid = ReturnType<typeof checkFile>["valid"][number];

/** The person holding the row's ID number, else its mobile (null: not known yet). */
async function knownPerson(tx: Tx, r: Valid): Promise<string | null> {
  const ids = await tx.personIdentifier.findMany({
    where: { OR: [...(r.idNumber ? [{ kind: "ID_NUMBER" as const, value: r.idNumber }] : []), ...(r.phone ? [{ kind: "MOBILE" as const, value: r.phone }] : [])] },
    select: { kind: true, personId: true },
  });
  return (ids.find((i) => i.kind === "ID_NUMBER") ?? ids[0])?.personId ?? null;
}

const same = (a: { name: string | null; phone: string | null; idNumber: string | null; address: string | null; community: string | null }, r: Valid) =>
  a.name === r.name && a.phone === r.phone && a.idNumber === r.idNumber && a.address === r.address && a.community === r.community;

/** POST /api/v1/persons/labels/import/preview: what importing the list would do; nothing is written. */
export const previewLabelImport = command({
  name: "person.labels.import.preview", permission: "persons:label",
  summary: "Check a community's list of vulnerable people (CSV): per-row errors with reasons, and how many labels would be added or updated; writes nothing",
  input: labelImportSchema, audit: [],
  async run({ actor, input, tx }): Promise<LabelImportResult> {
    const unitId = await homeUnit(actor, input.unit);
    const { rows, valid, errors } = checkFile(input);
    const out: LabelImportResult = { rows, created: 0, updated: 0, unchanged: 0, errors };
    for (const r of valid) {
      const pid = await knownPerson(tx, r);
      const existing = pid ? await tx.personLabel.findUnique({ where: { personId_label_unitId: { personId: pid, label: r.label, unitId } } }) : null;
      if (!existing) out.created++;
      else if (same(existing, r)) out.unchanged++;
      else out.updated++;
    }
    return out;
  },
});

/** POST /api/v1/persons/labels/import: imports the valid rows (idempotent), audited. */
export const commitLabelImport = command({
  name: "person.labels.import", permission: "persons:label",
  summary: "Import a community's list of vulnerable people (CSV): the valid rows label their persons in the home unit (re-importing adds nothing); per-row errors as in the preview",
  input: labelImportSchema, audit: ["person.labels.import"], transactionOptions: { timeout: 60_000 },
  async run({ actor, input, tx }): Promise<LabelImportResult> {
    const unitId = await homeUnit(actor, input.unit);
    const { rows, valid, errors } = checkFile(input);
    const out: LabelImportResult = { rows, created: 0, updated: 0, unchanged: 0, errors };
    for (const r of valid) {
      const [link] = await tx.$queryRaw<{ pid: string }[]>`SELECT person_link(${r.phone}, ${r.idNumber}, 'person_labels', NULL) AS pid`;
      const pid = link!.pid;
      const data = { name: r.name, phone: r.phone, idNumber: r.idNumber, address: r.address, community: r.community };
      const existing = await tx.personLabel.findUnique({ where: { personId_label_unitId: { personId: pid, label: r.label, unitId } } });
      if (!existing) {
        await tx.personLabel.create({ data: { personId: pid, label: r.label, unitId, source: "IMPORT", createdById: actor.id, ...data } });
        out.created++;
      } else if (same(existing, r)) out.unchanged++;
      else {
        await tx.personLabel.update({ where: { id: existing.id }, data });
        out.updated++;
      }
    }
    await writeAudit(tx, actor, {
      action: "person.labels.import", success: true, entityType: "PersonLabel",
      details: { unitId, rows, created: out.created, updated: out.updated, unchanged: out.unchanged, rejected: errors.length },
    });
    return out;
  },
});
