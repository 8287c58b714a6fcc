import { expect, test, type Page } from "@playwright/test";
import { delayScripts, expectLoggedIn, FROM_OUR_PAGES, loginAs, screenshot } from "./helpers";
import { expectPhoneFriendly, PHONE } from "./field-phone";

test.use(PHONE);

const PRECINCT = "42030201"; // 东城开发区派出所, the demo officer's
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * Answers the next server-action POST of the page on the server but loses the answer on the way
 * back, as a weak network does: the record is written, the phone does not learn it.
 */
async function loseNextAnswer(page: Page) {
  let lost = false;
  await page.route("**/field/**", async (route) => {
    const req = route.request();
    if (lost || req.method() !== "POST" || !req.headers()["next-action"]) return route.fallback();
    lost = true;
    await route.fetch();
    await route.abort("internetdisconnected");
  });
  return async () => page.unrouteAll({ behavior: "wait" });
}

test("an officer records a home visit on a dispatched warning from the phone, through a lost answer, and the dispatcher sees it resolved", async ({ page, browser }) => {
  test.setTimeout(150_000);
  // The command center: a warning comes in, is signed for, the 96110 call is refused, and it goes to the precinct.
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await loginAs(desk, "dispatcher");
  await expectLoggedIn(desk, "/warnings");
  const tail = String(1000 + Math.floor(Math.random() * 9000));
  const res = await desk.request.post("/api/v1/warnings", {
    headers: FROM_OUR_PAGES,
    data: {
      source: "HOTLINE", externalId: `E2E-FIELD-${Date.now()}`, riskLevel: "HIGH", fraudType: "IMPERSONATE_OFFICIAL",
      receivedAt: new Date(Date.now() - 5 * 60_000).toISOString(), unitCode: "420300FZ",
      victim: { name: "郑桂兰", phone: `1397200${tail}`, address: "东城开发区白浪东路66号3单元" },
      contact: { channel: "PHONE", value: "0085263005678" }, amountAtRisk: "30000.00",
    },
  });
  const id: string = (await res.json()).results[0].id;
  expect((await desk.request.post(`/api/v1/warnings/${id}/transitions`, { data: { to: "ACKNOWLEDGED", version: 1 }, headers: FROM_OUR_PAGES })).status()).toBe(200);
  expect((await desk.request.post(`/api/v1/warnings/${id}/actions`, { data: { kind: "HOTLINE_CALL", result: "REFUSED", note: "当事人拒绝沟通" }, headers: FROM_OUR_PAGES })).status()).toBe(201);
  await desk.goto(`/warnings/${id}`);
  await desk.getByRole("button", { name: "下发 (d)" }).click();
  const unit = desk.getByRole("dialog").getByLabel("接收单位");
  await unit.fill(PRECINCT);
  await expect(desk.getByTestId("unit-options")).toContainText("东城开发区派出所");
  await unit.press("Enter");
  await expect(unit).toHaveValue(`东城开发区派出所（${PRECINCT}）`);
  await desk.getByRole("dialog").getByRole("button", { name: "下发 (d)" }).click();
  await expect(desk.getByRole("dialog")).toBeHidden();

  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  // The officer's phone: My tasks lists it with its SLA clock and masked phone.
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  const card = page.locator(`li[data-task-id="${id}"]`);
  await expect(card).toBeVisible();
  await expect(card).toContainText(`139****${tail}`);
  await expect(card).toContainText("未认领");
  await expect(card.locator("[data-sla]")).toBeVisible();
  await expectPhoneFriendly(page);
  await screenshot(page, "field-my-tasks");

  // Tap to open; tap to call (the number is fetched on the tap, then offered as a tel: link).
  await card.getByRole("link", { name: /冒充公检法/ }).tap();
  await expect(page).toHaveURL(new RegExp(`/field/warnings/${id}$`));
  await expect(page.getByTestId("field-warning-status")).toHaveText("劝阻中");
  // The reason prompt comes filled with the call's purpose; the officer confirms it.
  page.once("dialog", (d) => void d.accept(d.defaultValue()));
  await page.getByRole("button", { name: `拨打 139****${tail}` }).tap();
  await expect(page.getByTestId("tel-link")).toHaveAttribute("href", `tel:1397200${tail}`);
  await expectPhoneFriendly(page);

  // The home visit: outcome, app registration, amount, a follow-up in three days.
  const followUp = chinaDay(3);
  await page.getByLabel("劝阻成功").check();
  await expect(page.getByLabel("见到本人", { exact: true })).toBeChecked();
  await page.getByLabel("止损金额（元）").fill("30000");
  await page.getByLabel("现场下载并注册国家反诈中心APP").check();
  await page.getByLabel("已联系亲属").check();
  await page.getByLabel("回访日期").fill(followUp);
  await page.getByLabel("备注").fill("上门讲解冒充公检法骗局，当事人已停止转账");
  await screenshot(page, "field-visit-form");

  // The answer is lost on the way back: everything stays on screen, and Retry sends the same submit again.
  const restore = await loseNextAnswer(page);
  // (a click: Playwright's tap waits on the intercepted request the tap starts)
  await page.getByRole("button", { name: "保存登记" }).click();
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await expect(page.getByLabel("止损金额（元）")).toHaveValue("30000");
  await expect(page.getByLabel("备注")).toHaveValue("上门讲解冒充公检法骗局，当事人已停止转账");
  await expect(page.getByLabel("劝阻成功")).toBeChecked();
  await expectPhoneFriendly(page);
  await screenshot(page, "field-visit-offline");
  await restore();
  await page.getByRole("button", { name: "重试" }).tap();
  await expect(page.getByTestId("visit-saved")).toBeVisible();
  await expect(page.getByTestId("field-warning-status")).toHaveText("已办结");
  await screenshot(page, "field-visit-saved");

  // One visit, not two: the lost answer and the retry made one record.
  const detail = await (await desk.request.get(`/api/v1/warnings/${id}`)).json();
  const visits = detail.actions.filter((a: { kind: string }) => a.kind === "HOME_VISIT");
  expect(visits).toHaveLength(1);
  expect(visits[0]).toMatchObject({ result: "DISSUADED", amountProtected: "30000.00", followUpOn: followUp });
  expect(detail).toMatchObject({ status: "RESOLVED", outcome: "DISSUADED", assignee: { displayName: "张伟" } });

  // The dispatcher's queue shows it resolved.
  await desk.goto(`/warnings?status=RESOLVED&phone=${tail}`);
  await expect(desk.locator(`tr[data-warning-id="${id}"]`)).toHaveAttribute("data-status", "RESOLVED");

  // The follow-up waits in My tasks for its day; the precinct view counts the visit and the app registration.
  await page.goto("/field");
  await expect(page.locator(`li[data-follow-up-id] a[href="/field/warnings/${id}"]`).first()).toBeVisible();
  await expect(page.locator(`li[data-task-id="${id}"]`)).toHaveCount(0);
  await page.goto("/field/precinct");
  await expect(page.getByTestId("today-visits")).toContainText("上门劝阻");
  await expect(page.getByTestId("today-visits")).toContainText("已注册APP");
  expect(Number(await page.getByTestId("stat-apps").textContent())).toBeGreaterThanOrEqual(1);
  await expectPhoneFriendly(page);
  await screenshot(page, "field-precinct");

  // Nothing personal was left in the browser's storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toContain(tail);
  expect(pageErrors).toEqual([]);
});

test("a counter interception sent twice makes one record, counted in the precinct's figures", async ({ page }) => {
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  await page.goto("/field/precinct");
  const before = Number(await page.getByTestId("stat-visits").textContent());

  await page.goto("/field");
  await page.getByRole("link", { name: "临柜拦截登记" }).tap();
  await expect(page).toHaveURL(/\/field\/intercepts\/new$/);
  const bank = `湖北农信十堰分行E2E${Date.now() % 100000}`;
  await page.getByLabel("银行", { exact: true }).fill(bank);
  await page.getByLabel("网点", { exact: true }).fill("白浪支行");
  await page.getByLabel("客户姓名").fill("陈桂英");
  await page.getByLabel("客户手机号（选填）").fill("139720012");
  await page.getByLabel("拦截金额（元）").fill("58000.5");
  await page.getByLabel("诈骗类型").selectOption("IMPERSONATE_OFFICIAL");
  await page.getByLabel("现场下载并注册国家反诈中心APP").check();
  await page.getByRole("button", { name: "保存拦截记录" }).tap();
  // Validated on the server, the typed values kept.
  await expect(page.getByText("手机号或电话号码格式不正确")).toBeVisible();
  await expect(page.getByLabel("银行", { exact: true })).toHaveValue(bank);
  await expectPhoneFriendly(page);
  await screenshot(page, "field-intercept-error");
  await page.getByLabel("客户手机号（选填）").fill("13972001234");

  // Double tap while the first answer is lost: one record.
  const restore = await loseNextAnswer(page);
  await page.getByRole("button", { name: "保存拦截记录" }).dblclick();
  await expect(page.getByTestId("offline-banner")).toBeVisible();
  await restore();
  await page.getByRole("button", { name: "重试" }).tap();
  await expect(page.getByTestId("intercept-saved")).toBeVisible();
  await screenshot(page, "field-intercept-saved");

  await page.goto("/field/precinct");
  const rows = page.getByTestId("today-visits").locator("li", { hasText: bank });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("临柜拦截");
  await expect(rows).toContainText("¥58,000.50");
  await expect(rows).toContainText("陈**");
  expect(Number(await page.getByTestId("stat-visits").textContent())).toBe(before + 1);

  // The interception's customer gets a follow-up visit, from its own page.
  await page.goto("/field");
  await page.locator("li[data-follow-up-id] a[href^='/field/follow-ups/']").first().tap();
  await expect(page.getByRole("heading", { name: "回访登记" })).toBeVisible();
  await expect(page.getByRole("form", { name: "回访登记" })).toBeVisible();
  await expectPhoneFriendly(page);
  await screenshot(page, "field-follow-up");

  // The API answers a replayed Idempotency-Key with the first record.
  const key = `e2e-${Date.now()}`;
  const body = { occurredAt: new Date().toISOString(), bankName: bank, bankBranch: "东岳支行", customerName: "李明", amountProtected: "1000.00", fraudType: "FAKE_LOAN" };
  const a = await page.request.post("/api/v1/counter-intercepts", { data: body, headers: { ...FROM_OUR_PAGES, "Idempotency-Key": key } });
  const b = await page.request.post("/api/v1/counter-intercepts", { data: body, headers: { ...FROM_OUR_PAGES, "Idempotency-Key": key } });
  expect([a.status(), b.status()]).toEqual([201, 200]);
  expect((await b.json()).id).toBe((await a.json()).id);
});

test("another precinct's warning is not found for the officer", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "officer2");
  await expectLoggedIn(page, "/field");
  await expect(page.getByRole("heading", { name: "待处置预警" })).toBeVisible();
  await expect(page.locator("li[data-task-id]").first()).toBeVisible();
  await expectPhoneFriendly(page);
  await screenshot(page, "field-my-tasks-officer2");
  // Desktop second: the same page on a car laptop.
  const laptop = await (await page.context().browser()!.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await loginAs(laptop, "officer2");
  await expectLoggedIn(laptop, "/field");
  await expect(laptop.locator("li[data-task-id]").first()).toBeVisible();
  await screenshot(laptop, "field-my-tasks-desktop");
  const officer = await (await page.context().browser()!.newContext(PHONE)).newPage();
  await loginAs(officer, "officer");
  await expectLoggedIn(officer, "/field");
  const href = await officer.locator("li[data-task-id] a[href^='/field/warnings/']").first().getAttribute("href");
  await page.goto(href!);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await expect(page.locator("#main")).not.toContainText("上门劝阻登记");
});

test("a form sent before its page is ready sends nothing: no typed value in an address, nothing lost", async ({ page }) => {
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  const addresses: string[] = [];
  page.on("request", (r) => addresses.push(decodeURIComponent(r.url())));
  await delayScripts(page);

  // A phone form (useResilientForm): its button waits for React; a tap on it and Enter in a field
  // meanwhile send nothing, and what was typed stays for the tap that counts.
  await page.goto("/field/intercepts/new", { waitUntil: "commit" });
  await page.getByLabel("客户姓名").fill("陈桂英");
  await page.getByLabel("客户手机号（选填）").fill("13972001234");
  const save = page.getByRole("button", { name: "保存拦截记录" });
  await expect(save).toBeDisabled();
  await save.tap({ force: true });
  await page.getByLabel("客户手机号（选填）").press("Enter");
  await expect(save).toBeEnabled();
  await expect(page).toHaveURL(/\/field\/intercepts\/new$/);
  await expect(page.getByLabel("客户手机号（选填）")).toHaveValue("13972001234");
  await save.tap();
  await expect(page.locator("#ci-bankName-error")).toBeVisible();
  await expect(page.getByLabel("客户姓名")).toHaveValue("陈桂英");

  // A desk form (useFormAction): the exact lookup of a person, Enter pressed early.
  await page.goto("/persons", { waitUntil: "commit" });
  await page.getByLabel("手机号或身份证号").fill("13972001234");
  await page.getByLabel("查询理由").fill("核实来电");
  const lookup = page.getByRole("button", { name: "精确查询" });
  await expect(lookup).toBeDisabled();
  await page.getByLabel("查询理由").press("Enter");
  await expect(lookup).toBeEnabled();
  await expect(page).toHaveURL(/\/persons$/);
  await expect(page.getByLabel("手机号或身份证号")).toHaveValue("13972001234");

  expect(addresses.filter((a) => a.includes("13972001234") || a.includes("陈桂英"))).toEqual([]);
});

test("a session that lapses while the officer types loses nothing: sign in again in a new tab, the same tap saves", async ({ page, context }) => {
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  await page.goto("/field/intercepts/new");
  const bank = `湖北银行E2E${Date.now() % 100000}`;
  await page.getByLabel("银行", { exact: true }).fill(bank);
  await page.getByLabel("网点", { exact: true }).fill("人民路支行");
  await page.getByLabel("客户姓名").fill("周玉兰");
  await page.getByLabel("拦截金额（元）").fill("12000");
  await page.getByLabel("诈骗类型").selectOption("IMPERSONATE_OFFICIAL");

  // The session is gone (30 minutes idle at the door, or signed out elsewhere).
  await context.clearCookies();
  const save = page.getByRole("button", { name: "保存拦截记录" });
  await save.tap();
  await expect(page.getByText("登录已失效，请重新登录。")).toBeVisible();
  await expect(page).toHaveURL(/\/field\/intercepts\/new$/);
  await expectPhoneFriendly(page);
  await screenshot(page, "field-session-lapsed");

  const [login] = await Promise.all([context.waitForEvent("page"), page.getByTestId("sign-in-again").tap()]);
  await loginAs(login, "officer");
  await expectLoggedIn(login, "/field");
  await login.close();

  await expect(page.getByLabel("银行", { exact: true })).toHaveValue(bank);
  await save.tap();
  await expect(page.getByTestId("intercept-saved")).toBeVisible();
});
