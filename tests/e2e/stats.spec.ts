import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

// No personal data on the statistics pages: no mobile numbers, ID numbers or card numbers.
const PII = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{17}[\dXx](?!\d)|(?<!\d)62\d{14,17}(?!\d)/;

// Asset paths, build ids and nonces are random per build and may hold 11 digits in a row; they
// are not data, so they are left out before the page is searched.
const NOT_DATA = /\/_next\/[^"'\s\\]+|nonce="[^"]*"|"(?:buildId|b)":"[^"]*"/g;

async function expectNoPii(page: Page) {
  const html = (await page.content()).replace(NOT_DATA, "");
  const found = PII.exec(html);
  expect(found && html.slice(Math.max(0, found.index - 80), found.index + 40)).toBeNull();
}

test("a leader drills down from the city to a precinct and prints the bulletin", async ({ page }) => {
  await loginAs(page, "leader");
  await expectLoggedIn(page, "/stats");
  await expect(page.getByRole("heading", { name: "统计分析" })).toBeVisible();
  // The demo month is in this year's figures.
  const handled = page.getByTestId("figure-warningsHandled");
  await expect(handled).toContainText("处置涉诈预警");
  expect(Number((await handled.getByTestId("figure-value").textContent())!.replace(/,/g, ""))).toBeGreaterThan(0);
  await expect(handled).toContainText("同比");
  await expect(handled).toContainText("环比");
  // The demo holds last year: both changes are percentages, not "—".
  await expect(handled.getByLabel(/^同比(上升|下降|持平)/)).toHaveCount(1);
  await expect(handled.getByLabel(/^环比(上升|下降|持平)/)).toHaveCount(1);
  await expect(page.getByText("统计口径")).toBeVisible();
  await expectNoPii(page);
  await screenshot(page, "stats-city");

  // City → branch → precinct, by clicking the units below.
  await page.getByTestId("children-table").getByRole("link", { name: "茅箭区分局" }).click();
  await expect(page).toHaveURL(/unit=420302(&|$)/);
  const crumbs = page.getByTestId("stats-breadcrumb");
  await expect(crumbs).toContainText("十堰市公安局");
  await expect(crumbs).toContainText("茅箭区分局");
  await page.getByTestId("children-table").getByRole("link", { name: "东城开发区派出所" }).click();
  await expect(page).toHaveURL(/unit=42030201(&|$)/);
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText("东城开发区派出所");
  await expect(page.getByTestId("children-table")).toHaveCount(0);
  await screenshot(page, "stats-precinct");

  // Back up one level from the path, and a month's view.
  await crumbs.getByRole("link", { name: "茅箭区分局" }).click();
  await expect(page).toHaveURL(/unit=420302(&|$)/);
  await page.getByRole("link", { name: "本月", exact: true }).click();
  await expect(page).toHaveURL(/period=month/);
  await expect(page).toHaveURL(/unit=420302/);

  // Charts, with a table view.
  await page.getByRole("link", { name: "图表", exact: true }).click();
  await expect(page.getByTestId("chart-warnings").getByRole("application")).toBeVisible();
  await expect(page.getByTestId("chart-funnel")).toContainText("预警处置漏斗");
  // This month is still running: its bucket says so.
  await expect(page.getByTestId("chart-warnings").getByTestId("partial-note")).toBeVisible();
  // The funnel nests: each stage no larger than the one before (read from its table view).
  await page.getByTestId("chart-funnel").getByRole("button", { name: "表格" }).click();
  const stages = (await page.getByTestId("chart-funnel").locator("tbody td").allTextContents()).map((v) => Number(v.replace(/,/g, "")));
  expect(stages).toHaveLength(5);
  for (let i = 1; i < stages.length; i++) expect(stages[i]).toBeLessThanOrEqual(stages[i - 1]!);
  // (The branch's case pipeline may be empty two days into a month: the warnings chart is not.)
  await page.getByTestId("chart-warnings").getByRole("button", { name: "表格" }).click();
  await expect(page.getByTestId("chart-warnings").locator("table")).toContainText("特高危");
  await expect(page.getByTestId("chart-warnings").locator("table")).toContainText("未完");
  await screenshot(page, "stats-charts");

  // Rankings of the branch's precincts, with movement since the previous period.
  await page.getByRole("link", { name: "排名", exact: true }).click();
  await expect(page.getByRole("heading", { name: /派出所排名/ })).toBeVisible();
  // Every precinct of the branch: the demo's four, and any a test before this one created.
  const ranked = page.getByTestId("ranking-slaCompliance").locator("tbody tr");
  await expect(ranked.filter({ hasText: "东城开发区派出所" })).toHaveCount(1);
  expect(await ranked.count()).toBeGreaterThanOrEqual(4);
  // Movement against last month, which the demo holds: arrows (or "same"), not all "—".
  expect(await page.getByTestId("ranking-slaCompliance").locator('[aria-label^="上升"], [aria-label^="下降"], [aria-label="名次不变"]').count()).toBeGreaterThan(0);
  await screenshot(page, "stats-rankings");

  // The bulletin for the whole city, printed on A4.
  await page.getByTestId("stats-breadcrumb").getByRole("link", { name: "十堰市公安局" }).click();
  await expect(page).toHaveURL(/unit=420300(&|$)/);
  await page.getByRole("link", { name: "打印通报" }).click();
  await expect(page).toHaveURL(/\/stats\/bulletin\?.*unit=420300/);
  await expect(page.getByRole("heading", { name: "打击治理电信网络诈骗工作通报" })).toBeVisible();
  await expect(page.getByTestId("bulletin-figures")).toContainText("破获电诈案件");
  await expect(page.getByTestId("ranking-casesSolved").locator("tbody tr")).toHaveCount(10);
  await expect(page.getByTestId("chart-money").getByRole("application")).toBeVisible();
  await expectNoPii(page);
  // What an A4 page holds: the print stylesheet at A4 width (210 mm at 96 dpi).
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expect(page.getByTestId("print-bulletin")).toBeHidden();
  await screenshot(page, "stats-bulletin-print");
  const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true, path: "tests/e2e/screenshots/stats-bulletin.pdf" });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  // Three sections, each from a new page: at least three A4 pages.
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)!.length).toBeGreaterThanOrEqual(3);
  await page.emulateMedia({ media: "screen" });
});

test("a leader exports the tables as a real .xlsx", async ({ page }) => {
  await loginAs(page, "leader");
  await expectLoggedIn(page, "/stats");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("stats-export").click()]);
  expect(download.suggestedFilename()).toMatch(/十堰市公安局_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
});

test("a leader gets no record: detail pages answer not found, detail APIs refuse", async ({ page, browser }) => {
  // Real ids, found by the people who may see them.
  const dispatcher = await (await browser.newContext()).newPage();
  await loginAs(dispatcher, "dispatcher");
  await expectLoggedIn(dispatcher, "/warnings");
  const warnings = await (await dispatcher.request.get("/api/v1/warnings")).json();
  const warning = (warnings.items ?? warnings.data ?? warnings)[0] as { id: string; victimPhone?: string };
  const warningId = warning.id;
  const investigator = await (await browser.newContext()).newPage();
  await loginAs(investigator, "investigator");
  await expectLoggedIn(investigator, "/cases");
  const cases = await (await investigator.request.get("/api/v1/cases")).json();
  const fraudCase = (cases.items ?? cases.data ?? cases)[0] as { id: string; caseNumber?: string };
  const caseId = fraudCase.id;
  // What those records show their own users (a masked phone, a case number) must not reach a leader.
  const secrets = [warning.victimPhone, fraudCase.caseNumber].filter((x): x is string => Boolean(x));
  expect(secrets.length).toBe(2);

  await loginAs(page, "leader");
  await expectLoggedIn(page, "/stats");
  const notFound: Record<string, number> = {};
  for (const path of [`/warnings/${warningId}`, `/cases/${caseId}`, "/warnings", "/cases", "/field", "/admin/users", "/audit"]) {
    const res = await page.goto(path);
    notFound[path] = res!.status();
    await expect(page.getByRole("heading", { name: "页面不存在" }), path).toBeVisible();
    await expectNoPii(page);
    const html = await page.content();
    for (const secret of secrets) expect(html, path).not.toContain(secret);
  }
  // A real 404 for every one of them, loading skeleton or not (the app layout checks the page table).
  expect(notFound).toEqual(Object.fromEntries(Object.keys(notFound).map((p) => [p, 404])));
  for (const path of [`/api/v1/warnings/${warningId}`, `/api/v1/cases/${caseId}`, `/api/v1/cases/${caseId}/victims`, `/api/v1/cases/${caseId}/suspects`, "/api/v1/warnings", "/api/v1/cases"]) {
    const res = await page.request.get(path);
    // The foundation's apiRoute answers a missing permission with 403; either way no record leaves.
    expect([403, 404], path).toContain(res.status());
    const body = await res.text();
    expect(Object.keys(JSON.parse(body)), path).toEqual(["error"]);
    for (const secret of secrets) expect(body, path).not.toContain(secret);
  }
  const summary = await page.request.get("/api/v1/stats/summary?period=lastYear");
  expect(summary.status()).toBe(200);
  expect(await summary.text()).not.toMatch(PII);
});

test("the statistics answer 404 to a role without stats:read", async ({ page }) => {
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  for (const path of ["/stats", "/stats/charts", "/stats/rankings", "/stats/bulletin?period=lastYear"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  expect((await page.request.get("/api/v1/stats/summary")).status()).toBe(403);
});
