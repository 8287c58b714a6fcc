// CSV lines (RFC 4180 quoting), client-safe: every text field formula-escaped (SECURITY.md C14).
import { escapeFormula } from "@/lib/export/escape";

/** One CSV line: fields formula-escaped, quoted when they hold a separator, quote or line break. */
export function csvLine(fields: (string | number)[]): string {
  return fields
    .map((f) => {
      const v = typeof f === "number" ? String(f) : escapeFormula(f);
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(",");
}
