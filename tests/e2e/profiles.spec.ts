import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { loginAs, screenshot } from "./helpers";

// Victim profiles and the surge alert (issue 17 item 3). The demo holds a surge of 冒充公检法
// among elderly people this week (prisma/seed/demo-warnings.ts).

const PII = /(?<!\d)1[3-9]\d{9}(?!\d)|(?<!\d)\d{17}[\dXx](?!\d)/;
const NOT_DATA = /\/_next\/[^"'\s\\]+|nonce="[^"]*"|"(?:buildId|b)":"[^"]*"/g;

async function expectNoPii(page: Page) {
  const html = (await page.content()).replace(NOT_DATA, "");
  const found = PII.exec(html);
  expect(found && html.slice(Math.max(0, found.index - 80), found.index + 40)).toBeNull();
}

// A shared 2-core machine at load 15–20 runs these steps slowly: room beyond the default minute.
test.describe.configure({ timeout: 180_000 });

test("a leader sees the surge on the overview and the victim profile charts, aggregates only", async ({ page }) => {
  await loginAs(page, "leader");
  // A loaded machine can take longer than the default to land on the home page.
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
  await page.goto("/stats");
  const flag = page.getByTestId("surge-flag");
  await expect(flag).toContainText("诈骗类型激增预警", { timeout: 45_000 });
  await expect(flag.locator('[data-type="IMPERSONATE_OFFICIAL"]')).toContainText("冒充公检法");
  await expect(flag).toContainText("受害最多：60岁及以上");
  // A leader does not organise outreach: no shortcut.
  await expect(page.getByTestId("surge-target")).toHaveCount(0);
  await screenshot(page, "profiles-overview-surge");

  await page.getByRole("navigation", { name: "统计视图" }).getByRole("link", { name: "受害人画像" }).click();
  await expect(page).toHaveURL(/\/stats\/profiles/);
  await expect(page.getByTestId("profile-total")).toContainText("预警", { timeout: 45_000 });
  for (const id of ["chart-age-fraud", "chart-heat", "chart-gender", "chart-channel", "chart-amount"]) await expect(page.getByTestId(id)).toBeVisible();
  await expect(page.getByTestId("chart-age-fraud").locator(".recharts-surface").first()).toBeVisible();
  expect(await page.getByTestId("chart-heat").locator("td[data-count]").count()).toBe(7 * 24);
  await expectNoPii(page);
  await screenshot(page, "profiles-charts");

  // The table view of a chart.
  await page.getByTestId("chart-age-fraud").getByRole("button", { name: "表格" }).click();
  await expect(page.getByTestId("chart-age-fraud").getByRole("table")).toContainText("60岁及以上");

  // The CSV export: every dimension, in Chinese.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("profiles-export").click()]);
  expect(download.suggestedFilename()).toMatch(/受害人画像.*\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8");
  for (const dim of ["年龄段 × 诈骗类型", "性别", "星期 × 时段", "首次接触渠道", "涉案金额区间"]) expect(csv).toContain(dim);
  expect(PII.test(csv)).toBe(false);
});

test("the duty chief is notified of the surge and opens outreach prefilled for the group", async ({ page }) => {
  await loginAs(page, "dispatcher");
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
  // The scheduler flags surges every 15 s.
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByTestId("notifications")).toContainText("诈骗类型激增", { timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByTestId("notifications")).toContainText("冒充公检法");
  await screenshot(page, "profiles-notification");

  await page.goto("/stats/profiles?period=week");
  const item = page.getByTestId("surge-flag").locator('[data-type="IMPERSONATE_OFFICIAL"]');
  await expect(item).toBeVisible();
  await screenshot(page, "profiles-surge-week");
  await item.getByTestId("surge-target").click();
  await expect(page).toHaveURL(/\/publicity\/events\/new\?fraudType=IMPERSONATE_OFFICIAL&ageGroup=60%2B/);
  await expect(page.locator("#title")).toHaveValue(/冒充公检法/);
  await expect(page.locator("#targetGroup")).toHaveValue("ELDERLY");
  await screenshot(page, "profiles-outreach-prefilled");
});
