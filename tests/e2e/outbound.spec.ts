import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { FROM_OUR_PAGES, signIn, screenshot } from "./helpers";

// The demo's newest 特高危 warnings start their dissuasion ladders when the platform starts: the
// gateway simulator of `npm start` receives their SMS, 闪信 and robot calls and posts receipts back.
test("the administrator sees the SMS a victim receives, and the ladder's settings", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/outbound");
  await expect(page.getByRole("heading", { name: "劝阻短信与外呼" })).toBeVisible();
  const table = page.getByTestId("outbound-messages");
  await expect(table).toContainText("【反诈中心】");
  // Delivered within seconds (the simulator's receipts), phones masked.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("outbound-messages")).toContainText("已送达", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(table).toContainText(/1\d{2}\*{4}\d{4}/);
  await expect(page.getByTestId("outbound-ladder-form")).toBeVisible();
  await screenshot(page, "outbound-admin");

  // A 闪信 over one segment is refused on its own field.
  const flash = page.locator('textarea[name="FLASH.ROMANCE"]');
  await flash.fill("预".repeat(71));
  await page.getByTestId("outbound-templates-form").getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("outbound-templates-form")).toContainText("超出短信长度");
});

test("the dispatcher sees the ladder's results on the warning's timeline", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/outbound");
  // A delivered SMS or 闪信 of a ladder (a bank, carrier or feedback message names its warning too,
  // but never reaches the timeline).
  const delivered = page.getByTestId("outbound-messages").locator("tr")
    .filter({ hasText: /预警短信|闪信/ }).filter({ hasText: "已送达" });
  await expect(async () => {
    await page.reload();
    await expect(delivered.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  const href = await delivered.first().getByTestId("outbound-warning-link").getAttribute("href");
  await page.context().clearCookies();
  await signIn(page, "dispatcher");
  await expect(async () => {
    await page.goto(href!);
    await expect(page.getByText(/自动劝阻：(预警短信|闪信)已送达/).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await screenshot(page, "outbound-timeline");
});

// The E2E server's simulator never answers this number's robot calls (tests/e2e/serve.ts).
const UNREACHABLE_PHONE = "13900001100";

test("the dispatcher watches a 特高危 warning's ladder run live on its timeline, to the hand-over to people", async ({ page }) => {
  test.setTimeout(180_000);
  // Short rungs for the demo: the robot call 2 s after the warning, one redial 2 s later.
  await signIn(page, "admin");
  await page.goto("/admin/outbound");
  const ladder = page.getByTestId("outbound-ladder-form");
  const fields = ["特高危 外呼延迟（秒，留空不外呼）", "特高危 重拨间隔（秒）", "特高危 重拨次数"];
  const saved = await Promise.all(fields.map((f) => ladder.getByLabel(f).inputValue()));
  const setLadder = async (values: string[]) => {
    for (const [i, f] of fields.entries()) await ladder.getByLabel(f).fill(values[i]!);
    await ladder.getByRole("button", { name: "保存" }).click();
    await expect(ladder).toContainText("已保存");
  };
  await setLadder(["2", "2", "1"]);
  await page.context().clearCookies();
  try {
    await watchLadder(page);
  } finally {
    // The other specs share this server: its ladder goes back to the demo's.
    await page.context().clearCookies();
    await signIn(page, "admin");
    await page.goto("/admin/outbound");
    await setLadder(saved);
  }
});

async function watchLadder(page: Page) {

  await signIn(page, "dispatcher");
  await page.goto("/warnings/new");
  await page.getByLabel("风险等级").selectOption({ label: "特高危" });
  await page.getByLabel("受害人手机号", { exact: true }).fill(UNREACHABLE_PHONE);
  await page.getByLabel("涉诈号码/账号/网址", { exact: true }).fill("+85261234567");
  await page.getByLabel("受害人姓名", { exact: true }).fill("孙桂兰");
  await page.getByRole("button", { name: "提交预警" }).click();
  await page.waitForURL(/\/warnings\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("live")).toHaveText("实时");
  // No reload from here: every rung arrives on the open page by itself.
  const history = page.getByTestId("warning-history");
  await expect(history).toContainText("劝阻阶梯：预警短信已发出", { timeout: 20_000 });
  await expect(history).toContainText("劝阻阶梯：闪信已发出");
  await expect(history).toContainText("劝阻阶梯：预警短信已送达", { timeout: 20_000 });
  await expect(history).toContainText("劝阻阶梯：闪信已送达", { timeout: 20_000 });
  await expect(history).toContainText("劝阻阶梯：机器人外呼（第1次）已发出", { timeout: 20_000 });
  await expect(history).toContainText("劝阻阶梯：机器人外呼（第1次）无法接通", { timeout: 20_000 });
  await expect(history).toContainText("劝阻阶梯：机器人外呼（第2次）无法接通", { timeout: 30_000 });
  await expect(history).toContainText("劝阻阶梯：无人接听，已转96110人工回拨任务", { timeout: 20_000 });
  // In the order they happened.
  const entries = await history.getByTestId("ladder-event").allTextContents();
  const first = (s: string) => entries.findIndex((e) => e.includes(s));
  expect(first("机器人外呼（第1次）无法接通")).toBeLessThan(first("机器人外呼（第2次）已发出"));
  expect(first("机器人外呼（第2次）无法接通")).toBeLessThan(first("已转96110人工回拨任务"));
  await screenshot(page, "ladder-timeline");

  // The dispatcher signs for it: the call task is taken up, on the timeline too.
  await page.getByRole("button", { name: "签收 (a)" }).click();
  await expect(page.getByTestId("warning-status")).toHaveText("已签收");
  await expect(history).toContainText("劝阻阶梯：96110人工回拨任务已由人工接手（改为已签收）");
}

test("the simulator's inbox shows what the victim's phone, the carrier and the national platform received", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "dispatcher");
  // A national warning signed for: its 签收 goes upstream.
  const list = await page.request.get("/api/v1/warnings?source=NATIONAL&status=PENDING&limit=1");
  expect(list.status()).toBe(200);
  const [w] = ((await list.json()) as { items: { id: string; version: number }[] }).items;
  const signed = await page.request.post(`/api/v1/warnings/${w!.id}/transitions`, { data: { to: "ACKNOWLEDGED", version: w!.version }, headers: FROM_OUR_PAGES });
  expect(signed.status()).toBe(200);
  // A 停机 request from that warning: it goes to the carrier.
  await page.goto(`/warnings/${w!.id}`);
  const section = page.getByTestId("section-requests");
  await section.locator("summary", { hasText: "发起止付/冻结/停机" }).click();
  const form = page.getByTestId("request-form");
  await form.getByLabel("请求类型").selectOption("SUSPEND");
  await form.getByLabel("银行/运营商").fill("中国移动");
  await form.getByLabel("账号/号码").fill("13712345678");
  await form.getByLabel("审批人").fill("刘建国");
  await form.getByRole("button", { name: "发起止付/冻结/停机" }).click();
  await expect(section.locator("li[data-request]").first()).toContainText("停机");
  await page.context().clearCookies();

  await signIn(page, "admin");
  await page.goto("/admin/outbound");
  await page.getByTestId("simulator-link").click();
  await expect(page).toHaveURL(/\/admin\/outbound\/simulator$/);
  await expect(page.getByRole("heading", { name: "网关模拟器收件箱" })).toBeVisible();
  // The victim's phone: the SMS text as received, the number masked.
  const person = page.getByTestId("simulator-person");
  await expect(person).toContainText("【反诈中心】");
  await expect(person).toContainText(/1\d{2}\*{4}\d{4}/);
  await expect(person).not.toContainText("13900001100");
  // The carrier's request and its answer; the upstream platform's feedback.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("simulator-partner")).toContainText(/已受理|被拒绝/, { timeout: 1_000 });
    await expect(page.getByTestId("simulator-feedback")).toContainText("签收", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("simulator-partner")).toContainText(/137\*{4}5678/);
  await expect(page.getByTestId("simulator-partner")).not.toContainText("13712345678");
  await screenshot(page, "simulator-inbox");

  // The outbound page tallies the feedback per platform against its deadline.
  await page.goto("/admin/outbound");
  const tally = page.getByTestId("feedback-tally");
  await expect(tally.locator('tr[data-source="NATIONAL"]')).toContainText("国家反诈中心");
  await expect(tally.locator('tr[data-source="PROVINCIAL"]')).toContainText("省厅");
  // The card alone: the page below it lists the latest hundred messages.
  await page.getByTestId("feedback-tally-card").screenshot({ path: "tests/e2e/screenshots/outbound-feedback-tally.png" });
});
