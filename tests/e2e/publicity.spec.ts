import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";
import { UNIT_TREE } from "../../prisma/seed/units";

// China-local days, as the app computes them.
const chinaDay = (daysAgo: number) => new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("an officer logs an outreach event on site", async ({ page }) => {
    await loginAs(page, "officer");
    await expectLoggedIn(page, "/field");
    // On a phone the officer's pages are behind the bottom tab bar.
    await page.locator('[data-tab="publicity"]').tap();
    await page.getByRole("navigation", { name: "宣传防范栏目" }).getByRole("link", { name: "宣传活动" }).click();
    await page.getByRole("link", { name: "登记活动" }).click();
    await expect(page.getByRole("heading", { name: "登记宣传活动" })).toBeVisible();

    // Controls are thumb-sized (≥ 44 px high) and the page does not scroll sideways.
    for (const control of [page.getByLabel("活动名称 *"), page.getByLabel("受众人数 *"), page.getByRole("button", { name: "登记活动" })]) {
      expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.getByLabel("活动名称 *").fill("白浪社区老年人防诈专场");
    await page.getByLabel("活动类型 *").selectOption("ELDERLY");
    await page.getByLabel("宣传对象 *").selectOption("ELDERLY");
    await page.getByLabel("活动地点").fill("白浪社区老年活动中心");
    await page.getByLabel("现场注册APP人数").fill("40");
    await page.getByRole("button", { name: "登记活动" }).click();
    // The audience is missing and registrations cannot exceed it: nothing is saved, what was typed stays.
    await expect(page.getByRole("alert").filter({ hasText: "输入有误" })).toBeVisible();
    await expect(page.locator("#audienceCount-error")).toHaveText("必填");
    await expect(page.getByLabel("活动名称 *")).toHaveValue("白浪社区老年人防诈专场");
    await screenshot(page, "publicity-event-phone-error");

    await page.getByLabel("受众人数 *").fill("65");
    await page.getByRole("button", { name: "登记活动" }).click();
    await expect(page.getByText("活动已登记，可继续登记下一场。")).toBeVisible();
    await expect(page.getByLabel("活动名称 *")).toHaveValue("");
    await screenshot(page, "publicity-event-phone-saved");

    await page.getByRole("link", { name: "查看活动列表" }).click();
    const card = page.getByTestId("events-cards").locator("li").filter({ hasText: "白浪社区老年人防诈专场" });
    await expect(card).toContainText("老年人专场");
    await expect(card).toContainText("东城开发区派出所");
    await expect(card).toContainText("65");
    await screenshot(page, "publicity-events-phone");
  });
});

/** The number on a preview summary card. */
const summary = (page: Page, key: "rows" | "created" | "unchanged" | "changed" | "errors") => page.getByTestId(`summary-${key}`).locator("p").nth(1);

async function chooseFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.locator("#file").setInputFiles({ name, mimeType, buffer });
}

test("a dispatcher imports a CSV with errors, commits the good rows, and a re-import changes nothing", async ({ page }) => {
  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");
  await page.goto("/publicity/counts");
  await page.getByRole("link", { name: "从文件导入" }).click();
  await expect(page.getByRole("heading", { name: "导入注册与咨询数据" })).toBeVisible();

  // Before the demo history (which reaches back to 1 January of last year): every good row is new.
  const [d1, d2] = [chinaDay(1200), chinaDay(1201)];
  const csv = [
    "日期,单位代码,数量",
    `${d1},42030201,31`,
    `${d1},99999999,5`,
    `2026-02-30,42030202,5`,
    `${d1},42030202,-3`,
    `${d2},42030203,7`,
    `${d2},42030203,8`,
    `${d2},42030201,29`,
  ].join("\r\n");
  await page.getByLabel("数据类型").selectOption("APP_REGISTRATIONS");
  await chooseFile(page, "app-registrations.csv", "text/csv", Buffer.from("\uFEFF" + csv));
  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(summary(page, "rows")).toHaveText("7");
  await expect(summary(page, "created")).toHaveText("2");
  await expect(summary(page, "errors")).toHaveText("5");
  const errors = page.getByTestId("import-errors");
  await expect(errors.locator('tr[data-line="3"]')).toContainText("辖区内没有该单位代码");
  await expect(errors.locator('tr[data-line="4"]')).toContainText("日期无效");
  await expect(errors.locator('tr[data-line="5"]')).toContainText("数量为负数");
  await expect(errors.locator('tr[data-line="6"]')).toContainText("同一单位同一天在文件中出现多次");
  await expect(errors.locator('tr[data-line="7"]')).toContainText("同一单位同一天在文件中出现多次");
  await screenshot(page, "publicity-import-preview");

  await page.getByRole("button", { name: "确认导入 2 行" }).click();
  await expect(page.getByTestId("import-done")).toContainText("新增 2 条");
  await expect(page.getByTestId("import-done")).toContainText("拒绝 5 条");

  // The same file again: nothing new, nothing to write.
  await page.getByRole("button", { name: "导入其他文件" }).click();
  await chooseFile(page, "app-registrations.csv", "text/csv", Buffer.from("\uFEFF" + csv));
  await expect(summary(page, "unchanged")).toHaveText("2");
  await expect(summary(page, "created")).toHaveText("0");
  await expect(page.getByText("没有需要写入的数据")).toBeVisible();
  await expect(page.getByRole("button", { name: "确认导入 0 行" })).toBeDisabled();

  await page.goto(`/publicity/counts?unit=42030201&month=${d1.slice(0, 7)}`);
  await expect(page.getByTestId("daily-counts").locator(`tr[data-day="${d1}"]`).getByLabel(`国家反诈中心APP注册 ${d1}`)).toHaveValue("31");
});

test("an Excel export of 100 k rows previews and commits with a progress bar", async ({ page }) => {
  test.setTimeout(180_000);
  const precincts = UNIT_TREE.filter((u) => u.kind === "PRECINCT").map((u) => u.code);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  ws.addRow(["统计日期", "单位代码", "咨询量"]);
  const days = Math.ceil(100_000 / precincts.length);
  for (let d = 0; d < days; d++) {
    // 2010 on: well before the demo history, so every row is new.
    const day = new Date(Date.UTC(2010, 0, 1) + d * 86_400_000);
    for (const code of precincts) ws.addRow([day, code, (d + code.length) % 9]);
  }
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());

  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");
  await page.goto("/publicity/counts/import");
  await page.getByLabel("数据类型").selectOption("CONSULTATION_CALLS");
  await chooseFile(page, "96110.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer);
  await expect(page.getByRole("progressbar")).toBeVisible({ timeout: 60_000 });
  await screenshot(page, "publicity-import-progress");
  await expect(page.getByTestId("import-preview")).toBeVisible({ timeout: 120_000 });
  await expect(summary(page, "rows")).toHaveText(new Intl.NumberFormat("zh-CN").format(days * precincts.length));
  await expect(summary(page, "created")).toHaveText(new Intl.NumberFormat("zh-CN").format(days * precincts.length));
  await expect(summary(page, "errors")).toHaveText("0");
  await screenshot(page, "publicity-import-100k");
  await page.getByRole("button", { name: /^确认导入/ }).click();
  await expect(page.getByRole("progressbar", { name: /正在导入/ })).toBeVisible();
  await expect(page.getByTestId("import-done")).toContainText(`新增 ${days * precincts.length} 条`, { timeout: 120_000 });
});

test("leadership sees measures as figures only; an officer's colleague reveals an identity with a reason", async ({ page, browser }) => {
  await loginAs(page, "leader");
  await expectLoggedIn(page, "/stats");
  await page.goto("/publicity/measures");
  await expect(page.getByTestId("measure-aggregates")).toBeVisible();
  await expect(page.getByRole("button", { name: "查看完整信息" })).toHaveCount(0);
  expect(await page.content()).not.toMatch(/4203\d{2}\*+/);

  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "dispatcher");
  await expectLoggedIn(other, "/warnings");
  await other.goto("/publicity/measures");
  await expect(other.getByTestId("ending-soon")).toContainText("7 天内到期");
  const row = other.getByTestId("measures-table").locator("tbody tr").first();
  other.once("dialog", (d) => d.accept("核查措施执行情况"));
  await row.locator("td").nth(1).getByRole("button").click();
  await expect(row.locator("[data-revealed]")).toHaveText(/^\d{17}[\dX]$/);
  await screenshot(other, "publicity-measures");
});
