import { maskBankCard, maskIdNumber, maskPhone } from "@/lib/pii";

// Logs name ids and codes, never personal data (SECURITY.md D18), and audit details and free text
// are masked like every display (G33). Callers already pass ids only; this is the net under them:
// an error message quoting a value (a database error's "Key (…)=(…)"), a stray object or a
// dispatcher's note has every national ID, card, mobile and landline number masked before it is
// written — numbers as people write them, in groups too.
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
/** A card number (15–19 digits; a first-generation 15-digit ID number goes with it). */
const CARD = /(?<!\d)\d{15,19}(?!\d)/g;
/** A mobile, whole or in groups (139 0719 1234, 139-0719-1234), with or without +86. */
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
/** A landline with its area code: 0719-8123456, (027) 87654321, 02787654321. */
const LANDLINE = /(?<![\d-])\(?0\d{2,3}\)?[- ]?[2-9]\d{6,7}(?![\d-])/g;
/**
 * A SHA-256 digest in hex (the audit chain's hashes): its digit runs look like a mobile or a card
 * number in about 1 % of digests, and a digest masked is a chain that no longer verifies.
 */
const DIGEST = /^[0-9a-f]{64}$/;
/**
 * A uuid is an id, never personal data, and its last group can read as a mobile
 * (…-17313257024d: a batch's audit record lost one of its warnings' ids so): numbers are looked
 * for between the uuids of a text only. Split on it, a text's uuids are at the odd places.
 */
const UUID = /([0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12})/i;

function maskNumbers(s: string): string {
  return s
    .replace(ID_NUMBER, (m) => maskIdNumber(m) ?? "")
    .replace(CARD, (m) => maskBankCard(m) ?? "")
    .replace(MOBILE, (m) => maskPhone(m.replace(/^\+?86[- ]?/, "").replace(/[- ]/g, "")) ?? "")
    .replace(LANDLINE, (m) => maskPhone(m) ?? "");
}

export function redactText(s: string): string {
  if (DIGEST.test(s)) return s;
  return s.split(UUID).map((part, i) => (i % 2 === 1 ? part : maskNumbers(part))).join("");
}

/** The value with every string inside it redacted (depth-limited; errors become plain objects). */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack.split("\n").slice(0, 6).join("\n")) : undefined };
  }
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, depth + 1)]));
}
