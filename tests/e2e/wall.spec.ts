import { expect, test, type Page } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs, screenshot } from "./helpers";

// Issue 17.2: the big screen (大屏). The demo account `wall` signs in from localhost without a
// second factor and lands on /wall; the wall fits 1920×1080 and 3840×2160 without scrolling,
// shows an ingested warning on its live feed (masked), and recovers from a dropped stream. Its map
// is the unit map in the dark theme; a surging fraud type shows as a red band (the demo has one).

/** Nothing scrolls and nothing overflows: the page, and every panel's box. */
async function expectFits(page: Page) {
  const page_ = await page.evaluate(() => ({
    sh: document.documentElement.scrollHeight, sw: document.documentElement.scrollWidth, h: window.innerHeight, w: window.innerWidth,
  }));
  expect(page_.sh, "page height").toBeLessThanOrEqual(page_.h);
  expect(page_.sw, "page width").toBeLessThanOrEqual(page_.w);
  const overflowing = await page.locator("[data-testid=wall] section, [data-testid=wall] [data-testid^=wall-figure-]:not([data-testid=wall-figure-value])").evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.bottom > window.innerHeight + 1 || r.right > window.innerWidth + 1 || el.scrollHeight > el.clientHeight + 1;
      })
      .map((el) => el.getAttribute("data-testid") ?? el.textContent?.slice(0, 30)),
  );
  expect(overflowing, "boxes overflowing").toEqual([]);
}

const status = (page: Page) => page.getByTestId("wall-status");

test("the wall fits 1920×1080 and 3840×2160 without scrolling", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await loginAs(page, "wall");
  await expect(page).toHaveURL(/\/wall$/, { timeout: 30_000 });
  await expect(status(page)).toHaveText("实时");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("态势大屏");
  for (const label of ["今日预警", "待处置", "超时未处置", "今日劝阻", "今日止损"]) await expect(page.getByTestId("wall").getByText(label, { exact: true })).toBeVisible();
  await expect(page.getByTestId("wall").getByText("同比").first()).toBeVisible();
  await expect(page.getByTestId("wall-feed-item").first()).toBeVisible();
  // The unit map, dark, with today's warnings per county; the demo's surge (冒充公检法 among the elderly) as a red band.
  const map = page.getByTestId("wall-map").getByTestId("unit-map");
  await expect(map).toHaveAttribute("data-theme", "dark");
  await expect(map.locator("g[data-code]").first()).toBeVisible();
  expect(await map.locator("g[data-code]").count()).toBeGreaterThanOrEqual(8);
  const surge = page.getByTestId("wall-surge");
  await expect(surge).toContainText("电信诈骗类型激增");
  await expect(surge).toContainText("冒充公检法");
  await expect(surge).toContainText(/近7日 [\d,]+ 起，常态 [\d,]+ 起/);
  // Readable from 10 m: the county names on the map at least 16 px tall at 1080p.
  const label = async () => map.locator("g[data-code] text").first().evaluate((el) => el.getBoundingClientRect().height);
  expect(await label()).toBeGreaterThanOrEqual(16);
  await expect(page.getByTestId("wall-trend").getByRole("application")).toBeVisible();
  await expectFits(page);
  await screenshot(page, "wall-1920x1080");

  await page.setViewportSize({ width: 3840, height: 2160 });
  await page.waitForTimeout(500);
  await expectFits(page);
  // The type grows with the screen: the figures are twice as tall at twice the resolution.
  const size = await page.getByTestId("wall-figure-warnings").getByTestId("wall-figure-value").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThan(80);
  expect(await label()).toBeGreaterThanOrEqual(32);
  await expect(surge).toBeVisible();
  await screenshot(page, "wall-3840x2160");
});

test("the wall shows a new warning on its live feed, masked, and recovers from a dropped stream", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await loginAs(page, "wall");
  await expect(page).toHaveURL(/\/wall$/, { timeout: 30_000 });
  await expect(status(page)).toHaveText("实时");

  // A dispatcher's desk ingests warnings (its own browser context: the wall's network cut is not its).
  const desk = await browser.newContext();
  const deskPage = await desk.newPage();
  await loginAs(deskPage, "dispatcher");
  await expect(deskPage).toHaveURL(/\/warnings$/, { timeout: 30_000 });
  const tail = String(1000 + Math.floor(Math.random() * 9000));
  const ingest = async (fraudType: string, unitCode: string, n: number) => {
    const res = await deskPage.request.post("/api/v1/warnings", {
      headers: FROM_OUR_PAGES,
      data: {
        source: "HOTLINE", externalId: `E2E-WALL-${Date.now()}-${n}`, riskLevel: "CRITICAL", fraudType,
        receivedAt: new Date().toISOString(), unitCode,
        victim: { name: "欧阳秀英", phone: `1397255${n}${tail.slice(1)}`, age: 71, gender: "FEMALE", address: "张湾区车城路 99 号" },
        contact: { channel: "PHONE", value: `008526311${tail}${n}` },
      },
    });
    expect(res.status()).toBe(200);
  };

  const feed = page.getByTestId("wall-feed");
  const first = page.getByTestId("wall-feed-item").first();
  const warningsBefore = await page.getByTestId("wall-figure-warnings").getByTestId("wall-figure-value").textContent();
  await ingest("GAME_TRADING", "42030201", 1);
  await expect(first).toContainText("网游虚假交易", { timeout: 15_000 });
  await expect(first).toContainText("东城开发区派出所");
  await expect(first).toContainText("60岁及以上"); // the profiles' age groups (lib/profiles/dimensions.ts)
  await expect(first).toContainText("特高危");
  await expect(page.getByTestId("wall-figure-warnings").getByTestId("wall-figure-value")).not.toHaveText(warningsBefore ?? "");
  for (const pii of ["欧阳秀英", `1397255`, "车城路", tail]) await expect(feed).not.toContainText(pii);
  await screenshot(page, "wall-feed");

  // The network goes: the stream drops, the wall says 重连中; a warning comes in meanwhile.
  await page.context().setOffline(true);
  await expect(status(page)).toHaveText("重连中", { timeout: 15_000 });
  await screenshot(page, "wall-reconnecting");
  await ingest("ROMANCE", "42039101", 2);
  await page.waitForTimeout(1_500);
  await expect(first).not.toContainText("网络婚恋交友");
  // It comes back: the stream reopens with backoff and the figures are fetched again.
  await page.context().setOffline(false);
  await expect(status(page)).toHaveText("实时", { timeout: 30_000 });
  await expect(first).toContainText("网络婚恋交友", { timeout: 15_000 });
  await expect(first).toContainText("中区派出所");
  await expectFits(page);
  await desk.close();
});

test("the wall reads nothing else: record pages and APIs answer 404/403", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "wall");
  await expect(page).toHaveURL(/\/wall$/, { timeout: 30_000 });
  for (const path of ["/warnings", "/warnings/0190d0c4-0000-7000-8000-000000000000", "/cases", "/persons", "/field", "/stats", "/handover"]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
  for (const path of ["/api/v1/warnings", "/api/v1/cases", "/api/v1/persons", "/api/v1/stats/summary"]) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }
  expect((await page.request.get("/api/v1/wall")).status()).toBe(200);
});
