import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";
import { expectPhoneFriendly, PHONE } from "./field-phone";

test.use({ ...PHONE, viewport: { width: 390, height: 844 } });

// Issue 15.3: an officer at 390 px works today's revisits (回访) from My tasks — one confirmed, one
// found defrauded after all, which opens a case intake.
test("an officer's phone: today's revisits on My tasks, one confirmed and one defrauded", async ({ page }) => {
  test.setTimeout(240_000);
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  const section = page.getByTestId("revisits");
  await expect(section.getByRole("heading", { name: /今日回访/ })).toBeVisible();
  const today = section.locator("li[data-revisit-id][data-due='today']");
  // Three brought to today by the demo data, and any that fall due today by themselves.
  await expect(today.nth(2)).toBeVisible();
  const due = await today.count();
  await expect(section.locator("li[data-revisit-id][data-due='overdue']")).toHaveCount(1);
  await expect(page.getByTestId("revisits-overdue")).toHaveText("1 条回访已逾期");
  await section.scrollIntoViewIfNeeded();
  await expectPhoneFriendly(page);
  await screenshot(page, "revisits-phone-tasks");

  // One tap from the card to the form; 已劝阻 confirmed.
  const first = today.first();
  const firstId = await first.getAttribute("data-revisit-id");
  await first.getByRole("link", { name: "登记回访" }).tap();
  await expect(page).toHaveURL(new RegExp(`/field/revisits/${firstId}$`));
  await expectPhoneFriendly(page);
  await screenshot(page, "revisits-phone-form");
  await page.getByRole("radio", { name: /已劝阻/ }).check();
  await page.getByLabel("备注").fill("电话回访，当事人确认未再转账");
  await page.getByRole("button", { name: "提交回访结果" }).tap();
  await expect(page.getByTestId("revisit-saved")).toContainText("回访已登记");
  await screenshot(page, "revisits-phone-confirmed");
  await page.getByRole("link", { name: "返回我的任务" }).tap();
  await expect(page).toHaveURL(/\/field$/);
  await expect(section.locator(`li[data-revisit-id='${firstId}']`)).toHaveCount(0);
  await expect(today).toHaveCount(due - 1);

  // 已被骗: the warning goes to the investigators as a case intake.
  const second = today.first();
  const secondId = await second.getAttribute("data-revisit-id");
  await second.getByRole("link", { name: "登记回访" }).tap();
  await expect(page).toHaveURL(new RegExp(`/field/revisits/${secondId}$`));
  await page.getByRole("radio", { name: /已被骗/ }).check();
  await expect(page.getByText("预警将改为“已被骗”，并同时生成案件受理")).toBeVisible();
  await page.getByLabel("备注").fill("当事人昨日已向对方转账 2 万元");
  await page.getByRole("button", { name: "提交回访结果" }).tap();
  await expect(page.getByTestId("revisit-case")).toHaveText("已生成案件受理，侦查员将跟进。");
  await screenshot(page, "revisits-phone-defrauded");

  // The revisit now reads as done; the precinct view counts what is left.
  await page.goto(`/field/revisits/${secondId}`);
  await expect(page.getByText("该回访已完成或已取消。")).toBeVisible();
  await page.goto("/field/precinct");
  const precinct = page.getByTestId("precinct-revisits");
  await expect(precinct.getByTestId("stat-revisits-today")).toHaveText(String(due - 2));
  await expect(precinct.getByTestId("stat-revisits-overdue")).toHaveText("1");
  expect(Number(await precinct.getByTestId("stat-revisits-done").textContent())).toBeGreaterThanOrEqual(2);
  await precinct.scrollIntoViewIfNeeded();
  await screenshot(page, "revisits-phone-precinct");
});
