// After loading: the last full year's overview, read from the rollups the way the statistics page
// reads it, against the article (DESIGN.md §3) and against a direct recount of the raw records.
import { TARGETS, type YearTargets } from "./city-year-plan";

const ARTICLE: Record<string, string> = {
  casesFiled: "同比 −21.79 %", casesSolved: "1,852（同比 +49.72 %）", gangsDismantled: "801", suspectsArrested: "7,737",
  itemsSeized: "2万余件", peopleDissuaded: "1,413", lossStopped: "6,397万余元", centerPeopleDissuaded: "199",
  centerLossStopped: "1,256万余元", fundsRecovered: "750余万元", appRegistrations: "118万", warningsHandled: "118万",
  hotlineCalls: "96万", consultationCalls: "3万多", outreachAudience: "21.6万余",
};

function expected(t: YearTargets): Record<string, string> {
  const fen = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`;
  return {
    casesFiled: String(t.casesFiled), casesSolved: String(t.casesSolved), gangsDismantled: String(t.gangs), suspectsArrested: String(t.suspects),
    itemsSeized: String(t.itemsSeized), peopleDissuaded: String(t.dissuadedWarnings + t.intercepts), lossStopped: fen(t.lossStoppedFen),
    centerPeopleDissuaded: String(t.centerDissuaded), centerLossStopped: fen(t.centerLossStoppedFen), fundsRecovered: fen(t.fundsRecoveredFen),
    appRegistrations: String(t.appRegistrations), warningsHandled: String(t.warningsHandled), hotlineCalls: String(t.hotlineCalls),
    consultationCalls: String(t.consultationCalls), outreachAudience: String(t.outreachAudience),
  };
}

const same = (a: string, b: string) => Number(a).toFixed(2) === Number(b).toFixed(2);

/** Prints the check; true when every figure matches. */
export async function verifyCityYear(until: string, log: (msg: string) => void): Promise<boolean> {
  // Imported late: lib/ reads DATABASE_URL when first used.
  const { getDb } = await import("@/lib/db");
  const { summaryFor } = await import("@/lib/stats/summary");
  const { directFigures } = await import("@/lib/stats/recount");
  const { UNIT_TREE } = await import("./units");
  const city = UNIT_TREE.find((u) => u.kind === "CITY")!;
  const today = new Date(Date.parse(`${until}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  let ok = true;
  try {
    const t0 = Date.now();
    const summary = await summaryFor({ scopePath: city.path }, { from: "2025-01-01", to: "2025-12-31" }, today);
    const ms = Date.now() - t0;
    const t1 = Date.now();
    const direct = await directFigures(city.path, { from: "2025-01-01", to: "2025-12-31" });
    const directMs = Date.now() - t1;
    const want = expected(TARGETS[2025]!);
    const want2024 = expected(TARGETS[2024]!);
    log(`2025 overview of ${city.name}: ${ms} ms from the rollups, ${directMs} ms by direct recount`);
    log("figure                 article          rollups          recount          2024         同比");
    // The article's figures (the app follow-up figures are the platform's own: not in it).
    for (const f of summary.figures.filter((x) => x.key in ARTICLE)) {
      const match = f.value === want[f.key] && same(f.value, direct[f.key]!) && f.yearAgo === want2024[f.key];
      ok &&= match;
      const yoy = f.yoy === null ? "—" : `${f.yoy > 0 ? "+" : ""}${f.yoy.toFixed(2)} %`;
      log(`${match ? "✓" : "✗"} ${f.key.padEnd(21)} ${ARTICLE[f.key]!.padEnd(16)} ${f.value.padEnd(16)} ${direct[f.key]!.padEnd(16)} ${f.yearAgo.padEnd(12)} ${yoy}`);
    }
    const filed = summary.figures.find((f) => f.key === "casesFiled")!;
    const solved = summary.figures.find((f) => f.key === "casesSolved")!;
    if (filed.yoy !== -21.79 || solved.yoy !== 49.72) {
      ok = false;
      log(`✗ 同比: filed ${filed.yoy} % (want −21.79), solved ${solved.yoy} % (want +49.72)`);
    }
  } finally {
    await getDb().$disconnect();
  }
  return ok;
}
