import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cellToString, checkRow, checkTable, markDuplicates, normalizeDay, parseCsv, rowsFromTable } from "@/lib/publicity/import-rows";
import { chunkRows, mergePreview } from "@/lib/publicity/import-merge";
import { csvLine } from "@/lib/export/csv";
import { escapeFormula } from "@/lib/export/escape";

const TODAY = "2026-06-15";

describe("parseCsv", () => {
  it("drops a BOM, handles quotes, doubled quotes, quoted separators and line breaks, CRLF and a missing last newline", () => {
    const text = '\uFEFF日期,单位代码,数量\r\n2026-01-02,"42030201","1,234"\r\n"2026-01-03",42030202,"say ""hi""\nthere"\n2026-01-04,42030203,5';
    expect(parseCsv(text)).toEqual([
      ["日期", "单位代码", "数量"],
      ["2026-01-02", "42030201", "1,234"],
      ["2026-01-03", "42030202", 'say "hi"\nthere'],
      ["2026-01-04", "42030203", "5"],
    ]);
  });

  it("reads tab-separated text and keeps empty fields", () => {
    expect(parseCsv("2026-01-02\t42030201\t3\n\t\t\n")).toEqual([["2026-01-02", "42030201", "3"], ["", "", ""]]);
  });

  it("round-trips any table written with csvLine (no formula-looking cells)", () => {
    const cell = fc.string({ maxLength: 12 }).filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (table) => {
        const text = table.map((r) => csvLine(r)).join("\r\n");
        const back = parseCsv(text);
        // A row of one empty cell is not distinguishable from a blank line; compare what CSV can say.
        expect(back.slice(0, table.length)).toEqual(table);
      }),
    );
  });
});

describe("rows and checks", () => {
  it("skips a header and follows its column order; keeps line numbers; skips blank rows", () => {
    const { rows, header } = rowsFromTable([["单位代码", "日期", "数量"], ["42030201", "2026-01-02", "3"], ["", "", ""], ["42030202", "2026-01-03", "4"]]);
    expect(header).toBe(true);
    expect(rows).toEqual([
      { line: 2, day: "2026-01-02", unitCode: "42030201", count: "3" },
      { line: 4, day: "2026-01-03", unitCode: "42030202", count: "4" },
    ]);
  });

  it("does not swallow a bad first data row as a header", () => {
    const { rows, header } = rowsFromTable([["yesterday", "42030201", "3"]]);
    expect(header).toBe(false);
    expect(checkRow(rows[0]!, TODAY)).toMatchObject({ ok: false, errors: ["bad_date"] });
  });

  it.each([
    ["2026-1-5", "2026-01-05"], ["2026/01/05", "2026-01-05"], ["2026.1.5", "2026-01-05"], ["20260105", "2026-01-05"],
    ["2026年1月5日", "2026-01-05"], ["2026-01-05T00:00:00.000Z", "2026-01-05"], ["2026-02-29", null], ["2026-13-01", null], ["05/01/2026", null],
  ])("reads the day %s as %s", (input, expected) => {
    expect(normalizeDay(input)).toBe(expected);
  });

  it.each([
    [{ day: "2026-01-05", unitCode: "42030201", count: "12" }, { ok: true, count: 12 }],
    [{ day: "2026-01-05", unitCode: "420300fz", count: "1,234" }, { ok: true, unitCode: "420300FZ", count: 1234 }],
    [{ day: "2026-01-05", unitCode: "42030201", count: "12.0" }, { ok: true, count: 12 }],
    [{ day: "2026-01-05", unitCode: "42030201", count: "-3" }, { ok: false, errors: ["negative_count"] }],
    [{ day: "2026-01-05", unitCode: "42030201", count: "1.5" }, { ok: false, errors: ["bad_count"] }],
    [{ day: "2026-01-05", unitCode: "42030201", count: "2000000" }, { ok: false, errors: ["count_too_large"] }],
    [{ day: "2026-06-16", unitCode: "42030201", count: "1" }, { ok: false, errors: ["future_date"] }],
    [{ day: "", unitCode: "42030201", count: "1" }, { ok: false, errors: ["missing_fields"] }],
    [{ day: "2026-02-30", unitCode: "42030201", count: "x" }, { ok: false, errors: ["bad_date", "bad_count"] }],
    [{ day: "2026-01-05", unitCode: "东城派出所", count: "1" }, { ok: false, errors: ["unknown_unit"] }],
  ])("checks %o", (raw, expected) => {
    expect(checkRow({ line: 2, ...raw }, TODAY)).toMatchObject(expected);
  });

  it("marks every row of a unit and day that appears twice, and no other", () => {
    const rows = [
      { line: 1, day: "2026-01-05", unitCode: "A1", count: "1" },
      { line: 2, day: "2026-01-05", unitCode: "A2", count: "1" },
      { line: 3, day: "2026/1/5", unitCode: "a1", count: "2" },
    ].map((r) => checkRow(r, TODAY));
    expect(markDuplicates(rows).map((r) => (r.ok ? "ok" : r.errors[0]))).toEqual(["duplicate_day", "ok", "duplicate_day"]);
  });

  it("never throws and flags each row at most as valid or with errors, whatever the cells", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }), { maxLength: 30 }), (table) => {
        const { rows } = checkTable(table, TODAY);
        for (const r of rows) {
          if (r.ok) {
            expect(r.day <= TODAY).toBe(true);
            expect(Number.isInteger(r.count) && r.count >= 0).toBe(true);
          } else expect(r.errors.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("turns spreadsheet cells into text: dates as days, formulas by result, rich text joined", () => {
    expect(cellToString(new Date(Date.UTC(2026, 0, 5)))).toBe("2026-01-05");
    expect(cellToString({ formula: "A1+1", result: 42 })).toBe("42");
    expect(cellToString({ richText: [{ text: "4203" }, { text: "0201" }] })).toBe("42030201");
    expect(cellToString(42030201)).toBe("42030201");
    expect(cellToString(null)).toBe("");
  });
});

describe("the preview", () => {
  it("merges browser and server findings and commits new rows, plus changed ones only when asked", () => {
    const { rows } = checkTable(parseCsv("2026-01-01,U1,1\n2026-01-02,U1,2\n2026-01-03,U1,3\n2026-01-04,U9,4\nbad,U1,5\n"), TODAY);
    const preview = mergePreview(rows, [
      { created: 1, unchanged: [2], changed: [{ line: 3, previous: 9, count: 3 }], errors: [{ line: 4, errors: ["unknown_unit"] }] },
    ]);
    expect(preview).toMatchObject({ total: 5, created: 1, unchanged: 1 });
    expect(preview.changed).toEqual([{ raw: rows[2]!.raw, previous: 9, count: 3 }]);
    expect(preview.errors.map((e) => [e.raw.line, e.errors])).toEqual([[4, ["unknown_unit"]], [5, ["bad_date"]]]);
    expect(preview.commitRows(false).map((r) => r.line)).toEqual([1]);
    expect(preview.commitRows(true).map((r) => r.line)).toEqual([1, 3]);
  });
});

describe("chunking for the wire", () => {
  it("keeps every row once, in order, within the row and byte budgets", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.string({ maxLength: 40 }), unitCode: fc.string({ maxLength: 32 }), count: fc.string({ maxLength: 32 }) }), { maxLength: 300 }), (cells) => {
        const rows = cells.map((c, i) => ({ line: i + 1, ...c }));
        const chunks = chunkRows(rows, 50, 8_000);
        expect(chunks.flat()).toEqual(rows);
        for (const c of chunks) {
          expect(c.length).toBeLessThanOrEqual(50);
          expect(new TextEncoder().encode(JSON.stringify(c)).length).toBeLessThanOrEqual(8_000 + 400);
        }
      }),
    );
  });
});

describe("formula escaping", () => {
  it.each([["=1+1", "'=1+1"], ["+86", "'+86"], ["-3", "'-3"], ["@SUM(A1)", "'@SUM(A1)"], ["\tx", "'\tx"], ["张三", "张三"], ["1=1", "1=1"]])("%s → %s", (a, b) => {
    expect(escapeFormula(a)).toBe(b);
  });
  it("quotes CSV fields that need it", () => {
    expect(csvLine(["a,b", 'say "x"', "=cmd", 3])).toBe('"a,b","say ""x""",\'=cmd,3');
  });
});
