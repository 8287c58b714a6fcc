// A community's list of vulnerable people (name, ID number and/or mobile, label, address,
// community) read into checked rows. Pure and client-safe: the server checks every row again.
import { isValidIdNumber, isValidMobile, normalizeIdNumber, normalizePhone } from "@/lib/pii";
import { RECORDED_LABELS } from "@/lib/persons/label-constants";

export type LabelRowError =
  | "missing_name" | "name_too_long" | "missing_identifier" | "bad_id_number" | "bad_phone" | "missing_label" | "bad_label"
  | "address_too_long" | "community_too_long" | "duplicate_row";

export type LabelRawRow = { line: number; name: string; idNumber: string; phone: string; label: string; address: string; community: string };

export type CheckedLabelRow =
  | { line: number; ok: true; name: string; idNumber: string | null; phone: string | null; label: (typeof RECORDED_LABELS)[number]; address: string | null; community: string | null }
  | { line: number; ok: false; errors: LabelRowError[] };

const COLUMNS: Record<Exclude<keyof LabelRawRow, "line">, RegExp> = {
  name: /^(name|姓名)$/i,
  idNumber: /^(id|id_?number|身份证|身份证号|身份证号码|公民身份号码)$/i,
  phone: /^(phone|mobile|手机|手机号|手机号码|电话|联系电话)$/i,
  label: /^(label|标签|类别|人员类别|人群类别)$/i,
  address: /^(address|住址|地址|居住地址|家庭住址)$/i,
  community: /^(community|社区|所属社区|村(社区)?)$/i,
};
const ORDER = ["name", "idNumber", "phone", "label", "address", "community"] as const;

/** The label a cell names: the code, or its Chinese name. A Map: a cell such as "constructor" names nothing. */
const LABEL_NAMES = new Map<string, (typeof RECORDED_LABELS)[number]>(Object.entries({
  ELDERLY_ALONE: "ELDERLY_ALONE", 独居老人: "ELDERLY_ALONE", 独居老年人: "ELDERLY_ALONE", 空巢老人: "ELDERLY_ALONE",
  STUDENT: "STUDENT", 学生: "STUDENT", 在校学生: "STUDENT",
  CARD_SELLING_SUSPECT: "CARD_SELLING_SUSPECT", 涉嫌买卖两卡: "CARD_SELLING_SUSPECT", 涉卡人员: "CARD_SELLING_SUSPECT", 两卡: "CARD_SELLING_SUSPECT",
} as const));

/** Table → raw rows. A first row naming any known column is the header (its order is used); else the order above. */
export function labelRowsFromTable(table: string[][]): LabelRawRow[] {
  const first = (table[0] ?? []).map((c) => c.trim());
  const idx = Object.fromEntries(ORDER.map((k) => [k, first.findIndex((c) => COLUMNS[k].test(c))])) as Record<(typeof ORDER)[number], number>;
  const header = ORDER.some((k) => idx[k] >= 0);
  const at = header ? idx : Object.fromEntries(ORDER.map((k, i) => [k, i])) as typeof idx;
  const rows: LabelRawRow[] = [];
  for (let i = header ? 1 : 0; i < table.length; i++) {
    const cells = table[i]!;
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (k: (typeof ORDER)[number]) => (at[k] >= 0 ? (cells[at[k]] ?? "").trim() : "");
    rows.push({ line: i + 1, name: cell("name"), idNumber: cell("idNumber"), phone: cell("phone"), label: cell("label"), address: cell("address"), community: cell("community") });
  }
  return rows;
}

export function checkLabelRow(r: LabelRawRow, now = new Date()): CheckedLabelRow {
  const errors: LabelRowError[] = [];
  if (!r.name) errors.push("missing_name");
  else if (r.name.length > 64) errors.push("name_too_long");
  const id = r.idNumber ? normalizeIdNumber(r.idNumber) : null;
  const phone = r.phone ? normalizePhone(r.phone) : null;
  if (!id && !phone) errors.push("missing_identifier");
  if (id && !isValidIdNumber(id, now)) errors.push("bad_id_number");
  if (phone && !isValidMobile(phone)) errors.push("bad_phone");
  const label = LABEL_NAMES.get(r.label.trim()) ?? LABEL_NAMES.get(r.label.trim().toUpperCase());
  if (!r.label) errors.push("missing_label");
  else if (!label) errors.push("bad_label");
  if (r.address.length > 255) errors.push("address_too_long");
  if (r.community.length > 128) errors.push("community_too_long");
  if (errors.length) return { line: r.line, ok: false, errors };
  return { line: r.line, ok: true, name: r.name, idNumber: id, phone, label: label!, address: r.address || null, community: r.community || null };
}

/** A second row for the same person (same ID number, else same mobile) and label is an error. */
export function markDuplicateLabelRows(rows: CheckedLabelRow[]): CheckedLabelRow[] {
  const seen = new Set<string>();
  return rows.map((r) => {
    if (!r.ok) return r;
    const k = `${r.idNumber ?? `m:${r.phone}`}|${r.label}`;
    if (seen.has(k)) return { line: r.line, ok: false, errors: ["duplicate_row"] };
    seen.add(k);
    return r;
  });
}
