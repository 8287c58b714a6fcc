// Spreadsheet formula escaping (SECURITY.md C14), the one copy every export uses. Client-safe:
// a text cell that a spreadsheet would read as a formula (= + - @, and the tab/CR some programs
// also honour) gets a leading apostrophe, so it is always shown as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
