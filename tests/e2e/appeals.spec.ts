import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

// China-local days, as the app computes them (negative: ahead).
const chinaDay = (daysAgo: number) => new Date(Date.now() + 8 * 3_600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

test("an officer registers an appeal against a measure on a phone; a colleague at the center revokes it and the measure ends", async ({ page, browser }) => {
  // Two users, two sessions, a dozen page loads: more than the default minute on a shared machine.
  test.setTimeout(240_000);
  const reason = `名下电话卡被用于实施诈骗（申诉演示${Date.now()}）`;
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");

  // The measure the appeal is against.
  await page.goto("/publicity/measures/new");
  await page.getByLabel("当事人姓名 *").fill("申诉人甲");
  await page.getByLabel("惩戒措施 *").selectOption("RESTRICT_CALLS");
  await page.getByLabel("开始日期 *").fill(chinaDay(10));
  await page.getByLabel("结束日期").fill(chinaDay(-80));
  await page.getByLabel("事由 *").fill(reason);
  await page.getByRole("button", { name: "登记惩戒措施" }).click();
  await expect(page).toHaveURL(/\/publicity\/measures$/);
  const row = page.getByTestId("measures-table").locator("tbody tr").filter({ hasText: reason });
  await expect(row).toHaveAttribute("data-state", "active");

  // "申诉" from the measure, on a phone: thumb-sized controls, no sideways scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await row.getByRole("link", { name: "申诉" }).click();
  await expect(page.getByRole("heading", { name: "登记申诉" })).toBeVisible();
  await expect(page.getByTestId("appeal-measure")).toContainText("限制通话");
  for (const control of [page.getByLabel("申诉人姓名 *"), page.getByLabel("联系电话"), page.getByRole("button", { name: "登记申诉" })]) {
    expect((await control.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // A bad phone number and no grounds: nothing is saved, the fields say why.
  await page.getByLabel("申诉人姓名 *").fill("申诉人甲");
  await page.getByLabel("联系电话").fill("12345");
  await page.getByRole("button", { name: "登记申诉" }).click();
  await expect(page.locator("#appellantPhone-error")).toHaveText("电话号码无效");
  await expect(page.locator("#grounds-error")).toHaveText("必填");
  await screenshot(page, "appeal-register-phone-error");

  await page.getByLabel("联系电话").fill("13812345678");
  await page.getByLabel("申诉理由 *").fill("该电话卡已于案发前挂失，并非本人使用，请求撤销限制通话措施。");
  await page.getByLabel("证据材料").fill("挂失证明\n营业厅受理单");
  await page.getByRole("button", { name: "登记申诉" }).click();
  await expect(page).toHaveURL(/\/publicity\/appeals\/[0-9a-f-]{36}$/);
  const appealUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("appeal-status")).toHaveAttribute("data-status", "RECEIVED");
  // 双人审核: whoever registered it cannot decide it.
  await expect(page.getByTestId("second-person-note")).toBeVisible();
  await expect(page.getByTestId("decide-form")).toHaveCount(0);
  await expect(page.getByText("138****5678")).toBeVisible();
  await expect(page.getByText("13812345678")).toHaveCount(0);
  await screenshot(page, "appeal-registered-phone");

  // A dispatcher of the center finds it on the list and revokes the measure.
  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "dispatcher");
  await expectLoggedIn(other, "/warnings");
  await other.goto("/publicity/appeals");
  await expect(other.getByTestId("appeal-counts")).toContainText("在办");
  await expect(other.getByTestId("appeals-overdue")).toBeVisible();
  await expect(other.getByTestId("appeals-due-soon")).toBeVisible();
  await expect(other.getByTestId("appeal-aggregates")).toBeVisible();
  await screenshot(other, "appeals-list");
  await other.locator(`a[href="${appealUrl}"]`).click();
  await expect(other.getByRole("heading", { name: "申诉详情" })).toBeVisible();
  await other.getByLabel("撤销措施").check();
  await other.getByLabel("决定理由 *").fill("经核查，电话卡确系挂失后被他人冒用，撤销限制通话措施。");
  await other.getByRole("button", { name: "提交决定" }).click();
  await expect(other.getByTestId("appeal-status")).toHaveAttribute("data-status", "REVOKED");
  await expect(other.getByTestId("appeal-measure")).toHaveAttribute("data-measure-state", "revoked");
  await expect(other.getByTestId("appeal-measure")).toContainText(`已于 ${chinaDay(0)} 因申诉撤销`);
  await screenshot(other, "appeal-revoked");

  // The measure shows as ended (revoked on appeal), on its page and in the register.
  await other.getByRole("link", { name: "查看措施" }).click();
  await expect(other.getByTestId("measure-state")).toHaveAttribute("data-state", "revoked");
  await expect(other.getByTestId("measure-appeals")).toContainText("撤销措施");
  await screenshot(other, "appeal-measure-revoked");
  await other.goto("/publicity/measures?state=revoked");
  const revoked = other.getByTestId("measures-table").locator("tbody tr").filter({ hasText: reason });
  await expect(revoked).toHaveAttribute("data-state", "revoked");
  await expect(revoked).toContainText("已撤销（申诉）");
});
