// The statistics workbook: every table of the statistics pages as a real .xlsx (exceljs) —
// overview with 同比/环比, units below, rankings, trend series and distributions. Aggregates only;
// every text cell is formula-escaped (unit names are typed in by people).
import "server-only";
import ExcelJS from "exceljs";
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { writeAudit } from "@/lib/audit/write-audit";
import type { Locale } from "@/lib/i18n/locales";
import { exportTranslator } from "@/lib/i18n/messages";
import { getStatsCharts } from "@/lib/stats/charts";
import { centsToNumber, toCents } from "@/lib/stats/decimal";
import { escapeFormula } from "@/lib/export/escape";
import { RISKS } from "@/lib/stats/metrics";
import { getStatsRankings, RANKING_KIND } from "@/lib/stats/rankings";
import { getChildBreakdown, getStatsSummary, type StatsContext } from "@/lib/stats/summary";

type Cell = string | number | null;

/** Strings are escaped so a spreadsheet never reads them as formulas; numbers stay numbers. */
const safe = (row: Cell[]) => row.map((c) => (typeof c === "string" ? escapeFormula(c) : c));
const money = (yuan: string) => centsToNumber(toCents(yuan));

function sheet(wb: ExcelJS.Workbook, name: string, widths: number[]) {
  const ws = wb.addWorksheet(escapeFormula(name));
  ws.columns = widths.map((width) => ({ width }));
  return {
    ws,
    row(cells: Cell[], opts: { bold?: boolean } = {}) {
      const r = ws.addRow(safe(cells));
      if (opts.bold) r.font = { bold: true };
      return r;
    },
    gap() {
      ws.addRow([]);
    },
  };
}

export async function buildStatsWorkbook(ctx: StatsContext, locale: Locale): Promise<{ buffer: Buffer; filename: string }> {
  const [summary, children, rankings, charts] = await Promise.all([
    getStatsSummary(ctx), getChildBreakdown(ctx), getStatsRankings(ctx), getStatsCharts(ctx),
  ]);
  const t = exportTranslator(locale, "stats");
  const range = t("range", { from: ctx.period.current.from, to: ctx.period.current.to });
  const meta = t("export.meta", { unit: summary.unit.name, range });
  const wb = new ExcelJS.Workbook();
  wb.creator = "反诈指挥中心平台";
  wb.created = new Date();

  const o = sheet(wb, t("export.overview"), [26, 16, 16, 12, 16, 12, 10]);
  o.row([t("bulletin.title")], { bold: true });
  o.row([meta]);
  o.row([t("export.indicator"), t("export.value"), t("export.yearAgo"), t("export.yoy"), t("export.previous"), t("export.mom"), ""], { bold: true });
  for (const f of summary.figures) {
    const v = (s: string) => (f.kind === "money" ? money(s) : Number(s));
    const r = o.row([t(`figures.${f.key}`), v(f.value), v(f.yearAgo), f.yoy, v(f.previous), f.mom, f.kind === "money" ? "元" : t(`suffix.${f.key}`)]);
    if (f.kind === "money") for (const c of [2, 3, 5]) r.getCell(c).numFmt = "#,##0.00";
  }

  const c = sheet(wb, t("export.children"), [24, ...summary.figures.map(() => 14)]);
  c.row([meta]);
  c.row([t("export.unitName"), ...summary.figures.map((f) => t(`figures.${f.key}`))], { bold: true });
  for (const ch of children) {
    c.row([ch.name, ...summary.figures.map((f) => (f.kind === "money" ? money(ch.values[f.key]) : Number(ch.values[f.key])))]);
  }

  const r = sheet(wb, t("export.rankings"), [10, 26, 16, 12]);
  r.row([meta]);
  for (const [title, list] of [[t("rankings.branches"), rankings.branches], [t("rankings.precincts", { unit: rankings.precinctScope.name }), rankings.precincts]] as const) {
    for (const ranking of list) {
      r.gap();
      r.row([`${title} · ${t(`rankings.${ranking.key}`)}`], { bold: true });
      r.row([t("rankings.rank"), t("rankings.unit"), t("rankings.value"), t("rankings.move")], { bold: true });
      for (const row of ranking.rows) {
        const value = row.value === null ? null : RANKING_KIND[ranking.key] === "money" ? money(row.exact ?? String(row.value)) : row.value;
        r.row([row.rank, row.name, value, row.previousRank]);
      }
    }
  }

  const s = sheet(wb, t("export.series"), [16, 12, 12, 12, 12, 14, 14, 10, 10, 12]);
  s.row([meta]);
  s.row([
    t("charts.period"), ...RISKS.map((k) => t(`risk.${k}`)), t("charts.lossStopped"), t("charts.fundsRecovered"), t("charts.filed"), t("charts.solved"), t("charts.prosecuted"),
  ], { bold: true });
  charts.warningsByRisk.forEach((w, i) => {
    const m = charts.money[i]!;
    const p = charts.pipeline[i]!;
    s.row([w.bucket, ...RISKS.map((k) => w[k]), m.lossStopped, m.fundsRecovered, p.filed, p.solved, p.prosecuted]);
  });

  const d = sheet(wb, t("export.distribution"), [26, 14, 14, 14]);
  d.row([meta]);
  const block = (title: string, head: string[], rows: Cell[][]) => {
    d.gap();
    d.row([title], { bold: true });
    d.row(head, { bold: true });
    for (const row of rows) d.row(row);
  };
  block(t("charts.funnel"), [t("charts.stage"), t("charts.count")], charts.funnel.map((x) => [t(`charts.funnelStages.${x.stage}`), x.count]));
  block(t("charts.outcomes"), [t("charts.outcome"), t("charts.count")], charts.outcomes.map((x) => [t(`charts.outcomeNames.${x.outcome}`), x.count]));
  block(t("charts.sla"), [t("charts.step"), t("charts.received"), t("charts.breached"), t("charts.compliance")], charts.sla.map((x) => [t(`steps.${x.step}`), x.received, x.breached, x.compliance]));
  block(t("charts.stepTimes"), [t("charts.stage"), t("charts.hours"), t("charts.cases")], [
    [t("charts.submitStep"), charts.stepHours.submit, charts.stepHours.submitted], [t("charts.approveStep"), charts.stepHours.approve, charts.stepHours.approved],
  ]);
  block(t("charts.seized"), [t("charts.type"), t("charts.quantity")], charts.seized.map((x) => [t(`seizedTypes.${x.type}`), x.quantity]));
  block(t("charts.outreach"), [t("charts.month"), t("charts.audience"), t("charts.appRegistrations")], charts.outreach.map((x) => [x.month, x.audience, x.appRegistrations]));
  block(t("charts.fraudTypes"), [t("charts.type"), t("charts.warnings"), t("charts.casesFiled")], charts.fraudTypes.map((x) => [t(`fraudTypes.${x.type}`), x.warnings, x.cases]));

  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `${summary.unit.name}_${ctx.period.current.from}_${ctx.period.current.to}.xlsx` };
}

/** Records who exported which unit's figures for which period (the workbook holds aggregates only). */
export async function auditStatsExport(actor: Actor, ctx: StatsContext): Promise<void> {
  await getDb().$transaction((tx) =>
    writeAudit(tx, actor, {
      action: "stats.export",
      success: true,
      entityType: "stats",
      entityId: ctx.scope.unit.code,
      details: { from: ctx.period.current.from, to: ctx.period.current.to },
    }),
  );
}
