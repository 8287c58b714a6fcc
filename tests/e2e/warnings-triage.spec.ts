import { expect, test } from "@playwright/test";
import { delayScripts, expectLoggedIn, FROM_OUR_PAGES, idleSession, loginAs, screenshot, sessionState } from "./helpers";

test("a dispatcher triages a warning from arrival to resolution with the keyboard while a second session watches", async ({ browser }) => {
  const desk = await (await browser.newContext()).newPage();
  const wall = await (await browser.newContext()).newPage();
  await loginAs(desk, "dispatcher");
  await expectLoggedIn(desk, "/warnings");
  await screenshot(desk, "warnings-queue");
  await loginAs(wall, "dispatcher");
  await expectLoggedIn(wall, "/warnings");

  // The queue, filtered to this victim's phone tail, is empty until the warning arrives.
  const tail = String(1000 + Math.floor(Math.random() * 9000));
  const phone = `1387654${tail}`;
  await desk.goto(`/warnings?phone=${tail}`);
  await expect(desk.getByTestId("live")).toHaveText("实时");
  await expect(desk.getByText("没有符合筛选条件的预警")).toBeVisible();

  const res = await wall.request.post("/api/v1/warnings", {
    headers: FROM_OUR_PAGES,
    data: {
      source: "HOTLINE", externalId: `E2E-${Date.now()}`, riskLevel: "CRITICAL", fraudType: "IMPERSONATE_OFFICIAL",
      receivedAt: new Date().toISOString(), victim: { name: "孙某", phone, address: "东城开发区白浪路18号" },
      contact: { channel: "PHONE", value: "0085263001234" }, amountAtRisk: "30000.00",
    },
  });
  expect(res.status()).toBe(200);
  const { results } = await res.json();
  expect(results[0].status).toBe("created");
  const id: string = results[0].id;

  // It appears on the desk without a reload, routed to the precinct by the address.
  const row = desk.locator(`tr[data-warning-id="${id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("东城开发区派出所");
  await expect(row).toContainText(`138****${tail}`);
  await expect(row.locator("[data-sla]")).toBeVisible();
  // Its 签收 countdown ticks (mm:ss), on the clock the page's countdowns share.
  const countdown = await row.locator("[data-sla]").innerText();
  expect(countdown).toMatch(/\d\d:\d\d/);
  await expect(row.locator("[data-sla]")).not.toHaveText(countdown, { timeout: 3_000 });

  await wall.goto(`/warnings/${id}`);
  await expect(wall.getByTestId("warning-status")).toHaveText("待签收");
  await expect(wall.getByTestId("live")).toHaveText("实时");

  // a: sign for. The second session sees it change live.
  await desk.keyboard.press("a");
  await expect(row).toHaveAttribute("data-status", "ACKNOWLEDGED");
  await expect(wall.getByTestId("warning-status")).toHaveText("已签收");

  // c: log the 96110 call, keyboard only.
  await desk.keyboard.press("c");
  await expect(desk).toHaveURL(new RegExp(`/warnings/${id}\\?do=call`));
  const result = desk.getByLabel("结果");
  await expect(result).toBeFocused();
  await desk.keyboard.press("ArrowDown");
  await desk.keyboard.press("ArrowDown");
  await expect(result).toHaveValue("DISSUADED");
  await desk.keyboard.press("Tab");
  await desk.keyboard.type("6");
  await desk.keyboard.press("Tab");
  await desk.keyboard.type("30000");
  await desk.keyboard.press("Tab");
  await desk.keyboard.press("Tab");
  await desk.keyboard.type("受害人已停止转账，已告知家属");
  await desk.keyboard.press("Enter");
  await expect(desk.getByTestId("warning-status")).toHaveText("劝阻中");
  await expect(desk.getByTestId("action-log")).toContainText("劝阻成功");
  await expect(wall.getByTestId("warning-status")).toHaveText("劝阻中");

  // r: resolve as dissuaded.
  await desk.keyboard.press("r");
  await expect(desk.getByLabel("处置结果")).toBeFocused();
  await desk.keyboard.press("Tab");
  await desk.keyboard.type("劝阻成功，止损3万元");
  await desk.keyboard.press("Enter");
  await expect(desk.getByTestId("warning-status")).toHaveText("已办结");
  await expect(wall.getByTestId("warning-status")).toHaveText("已办结");
  await screenshot(desk, "warning-resolved");

  // Esc: back to the queue.
  await desk.keyboard.press("Escape");
  await expect(desk).toHaveURL(/\/warnings$/);
});

test("a stale version is answered with the fresh state", async ({ page, browser }) => {
  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");
  const res = await page.request.post("/api/v1/warnings", {
    headers: FROM_OUR_PAGES,
    data: { source: "WALK_IN", externalId: `E2E-STALE-${Date.now()}`, riskLevel: "HIGH", fraudType: "FAKE_LOAN", receivedAt: new Date().toISOString(), victim: { phone: "13500001234" }, contact: { channel: "URL", value: "http://loan.example" } },
  });
  const id: string = (await res.json()).results[0].id;
  await page.goto(`/warnings/${id}`);
  // Someone else signs for it first.
  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "dispatcher");
  await expectLoggedIn(other, "/warnings");
  const api = await other.request.post(`/api/v1/warnings/${id}/transitions`, { data: { to: "ACKNOWLEDGED", version: 1 }, headers: FROM_OUR_PAGES });
  expect(api.status()).toBe(200);
  const stale = await other.request.post(`/api/v1/warnings/${id}/transitions`, { data: { to: "ACKNOWLEDGED", version: 1 }, headers: FROM_OUR_PAGES });
  expect(stale.status()).toBe(409);
  await expect(page.getByTestId("warning-status")).toHaveText("已签收");
});

/** A warning from a feed, found again in the queue by its phone's last four digits. */
async function postWarning(page: import("@playwright/test").Page, over: Record<string, unknown> = {}) {
  const tail = String(1000 + Math.floor(Math.random() * 9000));
  const res = await page.request.post("/api/v1/warnings", {
    headers: FROM_OUR_PAGES,
    data: {
      source: "HOTLINE", externalId: `E2E-SHIFT-${Date.now()}-${tail}`, riskLevel: "HIGH", fraudType: "FAKE_INVESTMENT",
      receivedAt: new Date().toISOString(), victim: { name: "周某", phone: `1367788${tail}`, address: "东城开发区白浪路6号" },
      contact: { channel: "PHONE", value: `00852630${tail}` }, ...over,
    },
  });
  expect(res.status()).toBe(200);
  const { results } = await res.json();
  return { id: results[0].id as string, tail };
}

test("the queue pages past 50 rows, counts them, and filters from the count cards and by a branch through the unit picker", async ({ page }) => {
  test.slow(); // several pages and contexts: three times the default time on a shared machine
  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");

  // A count card filters the queue, and again lifts the filter.
  await page.locator('[data-card="PENDING"]').click();
  await expect(page).toHaveURL(/status=PENDING/, { timeout: 30_000 });
  await expect(page.locator('[data-card="PENDING"]')).toHaveAttribute("aria-current", "page");
  const statuses = await page.locator("tr[data-status]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-status")));
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["PENDING"]));

  // The resolved history holds hundreds: 50 a page, the total said, the next page by cursor.
  await page.goto("/warnings?status=RESOLVED");
  // Counted up to 1,000 ("共 1000+ 条" past it).
  const said = (await page.getByTestId("queue-total").textContent())!.match(/共 (\d+\+?) 条/)![1]!;
  const total = Number(said.replace("+", ""));
  expect(total).toBeGreaterThan(50);
  const firstPage = await page.locator("tr[data-warning-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-warning-id")));
  expect(firstPage).toHaveLength(50);
  await page.getByRole("link", { name: "下一页 →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByText("回到第一页")).toBeVisible();
  const secondPage = await page.locator("tr[data-warning-id]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-warning-id")));
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
  await expect(page.getByTestId("queue-total")).toContainText(`共 ${said} 条`);
  // A garbled cursor starts the view over, it does not break the page.
  await page.goto("/warnings?status=RESOLVED&cursor=garbled");
  await expect(page.getByText("翻页位置已失效，已回到第一页。")).toBeVisible();

  // The unit filter: 茅箭区分局 found by its pinyin initials takes in its precinct 东城开发区派出所.
  const { tail } = await postWarning(page, { unitCode: "42030201" });
  await page.goto(`/warnings?phone=${tail}`);
  await page.getByLabel("单位", { exact: true }).click();
  await page.keyboard.type("mjqfj");
  await expect(page.getByTestId("unit-options").getByRole("option")).toHaveCount(1);
  await expect(page.getByTestId("unit-options")).toContainText("茅箭区分局");
  await screenshot(page, "warnings-unit-picker");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("单位", { exact: true })).toHaveValue("茅箭区分局（420302）");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/unit=420302/);
  await expect(page.locator("tr[data-warning-id]")).toHaveCount(1);
  await expect(page.locator("tr[data-warning-id]")).toContainText("东城开发区派出所");
  await screenshot(page, "warnings-queue-paged");
});

test("the dispatch dialog: routed precinct by default, d or Enter confirms, units found by pinyin, a 下发说明 kept", async ({ page }) => {
  test.slow(); // several pages and contexts: three times the default time on a shared machine
  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");

  // d, d: dispatched to the precinct it was routed to.
  const first = await postWarning(page);
  await page.goto(`/warnings?phone=${first.tail}`);
  await expect(page.locator(`tr[data-warning-id="${first.id}"]`)).toBeVisible();
  await page.keyboard.press("d");
  const dialog = page.getByTestId("dispatch-dialog");
  await expect(dialog.getByLabel("接收单位")).toHaveValue("东城开发区派出所（42030201）");
  const confirm = dialog.getByRole("button", { name: "下发 (d)" });
  await expect(confirm).toBeFocused();
  await screenshot(page, "warnings-dispatch-dialog");
  await page.keyboard.press("d");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText("已处理 1 条");
  const api = await page.request.get(`/api/v1/warnings?phone=${first.tail}`);
  expect((await api.json()).items[0]).toMatchObject({ id: first.id, unit: { code: "42030201" } });
  expect((await api.json()).items[0].dispatchedAt).toBeTruthy();

  // Another one to 中区派出所, searched by its initials, with a note, Enter to confirm.
  const second = await postWarning(page);
  await page.goto(`/warnings?phone=${second.tail}`);
  await expect(page.locator(`tr[data-warning-id="${second.id}"]`)).toBeVisible();
  await page.keyboard.press("d");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("/");
  await expect(dialog.getByLabel("接收单位")).toBeFocused();
  await page.keyboard.type("zqpcs");
  await expect(page.getByTestId("unit-options")).toContainText("中区派出所");
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("接收单位")).toHaveValue("中区派出所（42039101）");
  await dialog.getByLabel("下发说明").fill("受害人正在转账，请立即上门");
  await screenshot(page, "warnings-dispatch-dialog-search");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await page.goto(`/warnings/${second.id}`);
  await expect(page.getByTestId("dispatch-note")).toHaveText("受害人正在转账，请立即上门");
  await expect(page.getByText(/^中区派出所 · /)).toBeVisible();
});

test("a key pressed before the warning page is ready is queued and replayed", async ({ browser }) => {
  test.slow(); // several pages and contexts: three times the default time on a shared machine
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");
  const { id } = await postWarning(page);
  await delayScripts(page);
  await page.goto(`/warnings/${id}`, { waitUntil: "commit" });
  await expect(page.getByTestId("warning-status")).toHaveText("待签收");
  await page.keyboard.press("a");
  await expect(page.getByTestId("warning-status")).toHaveText("已签收", { timeout: 20_000 });
  await context.close();
});

test("a lapsed session stops the live queue loudly, and it comes back by itself once the dispatcher signs in again", async ({ browser }) => {
  test.slow(); // several pages and contexts: three times the default time on a shared machine
  const context = await browser.newContext();
  const desk = await context.newPage();
  // The stream cannot get through (a network hiccup) while, in a quiet spell, the session ends: here
  // signed out elsewhere; in a day's work, 30 minutes with nothing to do. Then its way back is refused.
  const stream = /\/api\/v1\/warnings\/stream$/;
  await desk.route(stream, (route) => route.abort());
  await loginAs(desk, "dispatcher");
  await expectLoggedIn(desk, "/warnings");
  const live = desk.getByTestId("live");
  await expect(live).toHaveAttribute("data-state", "down");
  const { csrfToken } = await (await context.request.get("/api/auth/csrf")).json();
  expect((await context.request.post("/api/auth/signout", { form: { csrfToken }, headers: FROM_OUR_PAGES })).ok()).toBe(true);
  await desk.unroute(stream);
  await expect(live).toHaveAttribute("data-state", "signedOut", { timeout: 20_000 });
  await expect(live).toContainText("登录已失效，实时更新已停止");
  await screenshot(desk, "warnings-live-signed-out");
  // Signed in again in the tab its link opens: the queue is live again without a reload.
  const [login] = await Promise.all([context.waitForEvent("page"), live.getByTestId("sign-in-again").click()]);
  await loginAs(login, "dispatcher");
  await expectLoggedIn(login, "/warnings");
  await expect(live).toHaveText("实时", { timeout: 20_000 });
  await context.close();
});

test("a desk left alone idles out however busy its queue, and a half-typed call record outlives the lapse", async ({ browser }) => {
  test.setTimeout(240_000);
  // A feed in a session of its own: its warnings reach the desk's queue live.
  const feed = await (await browser.newContext()).newPage();
  await loginAs(feed, "dispatcher");
  await expectLoggedIn(feed, "/warnings");
  const context = await browser.newContext();
  const desk = await context.newPage();
  await loginAs(desk, "dispatcher");
  await expectLoggedIn(desk, "/warnings");
  const live = desk.getByTestId("live");
  await expect(live).toHaveText("实时");
  const tail = String(1000 + Math.floor(Math.random() * 9000));
  let n = 0;
  const ingest = async () => {
    const res = await feed.request.post("/api/v1/warnings", {
      headers: FROM_OUR_PAGES,
      data: {
        source: "HOTLINE", externalId: `E2E-IDLE-${Date.now()}-${++n}`, riskLevel: "MEDIUM", fraudType: "FAKE_INVESTMENT",
        receivedAt: new Date().toISOString(), unitCode: "42030201",
        victim: { name: "闵桂兰", phone: `1397266${String(n % 10)}${tail.slice(1)}` }, contact: { channel: "PHONE", value: `008526322${tail}${n}` },
      },
    });
    expect(res.status()).toBe(200);
    return (await res.json()).results[0].id as string;
  };

  // Ten minutes with nobody at the desk. A warning arrives and the queue shows it: the page's own
  // re-render is not the dispatcher's doing, and the session's clock does not start again.
  const idle = await idleSession("dispatcher", 10 * 60_000);
  const id = await ingest();
  await expect(desk.locator(`tr[data-warning-id="${id}"]`)).toBeVisible();
  expect((await sessionState(idle.id)).lastSeenAt).toBe(idle.lastSeenAt);
  // The dispatcher comes back and opens it: that is.
  await desk.locator(`tr[data-warning-id="${id}"] a`).first().click();
  await expect(desk).toHaveURL(new RegExp(`/warnings/${id}`));
  await expect.poll(async () => (await sessionState(idle.id)).lastSeenAt).toBeGreaterThan(Date.now() - 60_000);

  // A call record half typed, then the dispatcher walks away. Warnings keep arriving; the session
  // lapses 30 seconds on (the stream learns of it within a heartbeat, 20 s).
  await desk.getByRole("button", { name: "签收 (a)" }).click();
  await expect(desk.getByTestId("warning-status")).toHaveText("已签收");
  await desk.getByRole("button", { name: "登记通话 (c)" }).click();
  const note = desk.getByLabel("通话摘要");
  await note.fill("回拨两次未接通，其子称老人已出门去银行");
  await expect(live).toHaveText("实时");
  await idleSession("dispatcher", 30 * 60_000 - 30_000);
  const lapse = Date.now() + 30_000;
  while (Date.now() < lapse + 10_000 && (await live.getAttribute("data-state")) !== "signedOut") {
    await ingest();
    // Around the lapse itself as fast as the feed can send: a re-render after it would leave the page.
    await desk.waitForTimeout(Math.abs(Date.now() - lapse) < 3_000 ? 100 : 1_000);
  }
  // The page stayed, with what was typed, and says the session is over.
  await expect(live).toHaveAttribute("data-state", "signedOut", { timeout: 20_000 });
  await expect(desk).toHaveURL(new RegExp(`/warnings/${id}`));
  await expect(note).toHaveValue("回拨两次未接通，其子称老人已出门去银行");
  await screenshot(desk, "warning-idle-signed-out");
  await expect.poll(async () => (await sessionState(idle.id)).ended, { timeout: 20_000 }).toBe(true);

  // Signed in again in the tab the link opens: the page is live again and the same form saves.
  const [login] = await Promise.all([context.waitForEvent("page"), live.getByTestId("sign-in-again").click()]);
  await loginAs(login, "dispatcher");
  await expectLoggedIn(login, "/warnings");
  await expect(live).toHaveText("实时", { timeout: 20_000 });
  await expect(note).toHaveValue("回拨两次未接通，其子称老人已出门去银行");
  await desk.getByRole("form", { name: "登记96110劝阻通话" }).getByRole("button", { name: "提交" }).click();
  await expect(desk.getByTestId("warning-status")).toHaveText("劝阻中");
  await expect(desk.getByTestId("action-log")).toContainText("回拨两次未接通，其子称老人已出门去银行");
  await context.close();
});

test("a new 特高危 cannot be missed: banner, sound and desktop notification (opted in), the tab title, a live bell; notifications say what, where and how late", async ({ browser }) => {
  test.slow(); // several pages and contexts: three times the default time on a shared machine
  const context = await browser.newContext();
  // Record what the page asks of the browser's notification and audio APIs.
  await context.addInitScript(() => {
    const w = window as unknown as { __desktop: string[]; __sounds: number };
    w.__desktop = [];
    w.__sounds = 0;
    class FakeNotification {
      static permission = "granted";
      static requestPermission = async () => "granted";
      onclick: (() => void) | null = null;
      constructor(title: string, opts?: { body?: string }) {
        w.__desktop.push(`${title}|${opts?.body ?? ""}`);
      }
    }
    Object.defineProperty(window, "Notification", { value: FakeNotification, configurable: true });
    const Real = window.AudioContext;
    Object.defineProperty(window, "AudioContext", {
      configurable: true,
      value: class extends Real {
        constructor() {
          super();
          w.__sounds++;
        }
      },
    });
  });
  const desk = await context.newPage();
  await loginAs(desk, "dispatcher");
  await expectLoggedIn(desk, "/warnings");

  // Opt in (per user) on the notifications page.
  await desk.goto("/notifications");
  const prefs = desk.getByTestId("alert-prefs");
  for (const name of ["声音", "桌面通知"]) {
    const box = prefs.getByLabel(name);
    if (!(await box.isChecked())) await box.check();
    await expect(box).toBeChecked();
  }
  // Start from a bell with nothing unread.
  const markAll = desk.getByRole("button", { name: "全部标为已读" });
  if (await markAll.count()) {
    await markAll.click();
    await expect(markAll).toBeHidden();
  }
  await desk.reload();
  await expect(prefs.getByLabel("声音")).toBeChecked();
  await expect(prefs.getByLabel("桌面通知")).toBeChecked();

  await desk.goto("/warnings");
  await expect(desk.getByTestId("live")).toHaveText("实时");
  // The figure a badge shows now (no badge: none).
  const shown = async (testId: string) => {
    const badge = desk.getByTestId(testId);
    return (await badge.count()) ? Number((await badge.textContent())!.replace(/\D/g, "")) : 0;
  };
  const countBefore = await shown("critical-count");
  const bellBefore = await shown("bell-count");

  const { id } = await postWarning(desk, { riskLevel: "CRITICAL", fraudType: "IMPERSONATE_OFFICIAL", receivedAt: new Date(Date.now() - 20 * 60_000).toISOString() });

  const banner = desk.getByTestId("critical-banner");
  await expect(banner).toContainText("冒充公检法");
  await expect(banner).toContainText("东城开发区派出所");
  await expect(desk.getByTestId("critical-count")).toHaveText(`特高危 ${countBefore + 1}`);
  await expect.poll(() => desk.title()).toMatch(new RegExp(`^【特高危 ${countBefore + 1}】`));
  expect(await desk.evaluate(() => (window as unknown as { __desktop: string[] }).__desktop)).toEqual(["新的特高危预警|冒充公检法 · 东城开发区派出所"]);
  expect(await desk.evaluate(() => (window as unknown as { __sounds: number }).__sounds)).toBeGreaterThan(0);
  await screenshot(desk, "warnings-critical-alert");

  // The scheduler marks the breach; the bell counts it without a reload.
  await expect.poll(() => shown("bell-count"), { timeout: 40_000 }).toBeGreaterThan(bellBefore);

  // The notification says what and where and how late, grouped by warning; opening it marks it read.
  await desk.goto("/notifications");
  const group = desk.locator(`[data-group="Warning:${id}"]`);
  await expect(group).toContainText("特高危");
  await expect(group).toContainText("冒充公检法");
  await expect(group).toContainText("东城开发区派出所");
  await expect(group).toContainText("签收");
  await expect(group).toContainText(/已超时 \d+分钟，仍未完成/);
  await expect(group).toHaveAttribute("data-unread", "true");
  await screenshot(desk, "notifications");
  await group.getByRole("button", { name: "查看" }).click();
  await expect(desk).toHaveURL(new RegExp(`/warnings/${id}$`));
  await desk.goto("/notifications");
  await expect(desk.locator(`[data-group="Warning:${id}"]`)).not.toHaveAttribute("data-unread", "true");
  await context.close();
});
