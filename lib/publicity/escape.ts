// Spreadsheet formula escaping (SECURITY.md C14), client-safe: a text cell that a spreadsheet
// would read as a formula (= + - @, and the tab/CR some programs also honour) gets a leading
// apostrophe.
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV line: fields formula-escaped, quoted when they hold a separator, quote or line break. */
export function csvLine(fields: (string | number)[]): string {
  return fields
    .map((f) => {
      const v = typeof f === "number" ? String(f) : escapeFormula(f);
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(",");
}
