import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

// Issue 12.2: a repeat caller's manual entry is merged into the open warning, keeps what it
// carried, and the dispatcher is told where it went.
test("a repeat caller's entry is merged into the open warning and the dispatcher is told which one", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");
  const phone = `135${String(Date.now()).slice(-8)}`;
  const contact = `+85262${String(Date.now()).slice(-6)}`;
  const enter = async (fields: Record<string, string>, risk: string) => {
    await page.goto("/warnings/new");
    await page.getByLabel("风险等级").selectOption({ label: risk });
    for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
    await page.getByRole("button", { name: "提交预警" }).click();
  };

  // The first call: a bare warning, the page opens it.
  await enter({ 受害人手机号: phone, "涉诈号码/账号/网址": contact }, "高");
  await page.waitForURL(/\/warnings\/[0-9a-f-]{36}$/);
  const first = page.url();

  // The same caller again, now with everything: 特高危, a name and ¥50,000 at risk.
  await enter({ 受害人手机号: phone, "涉诈号码/账号/网址": contact, 受害人姓名: "刘桂芳", "涉险金额（元）": "50000", 情况说明: "称公检法要求转账" }, "特高危");
  const merged = page.getByTestId("manual-merged");
  await expect(merged).toContainText(/并入预警 96110来电 · M-[0-9a-f-]+（第 1 次重复）/);
  await screenshot(page, "manual-entry-merged");
  await merged.getByRole("link", { name: "查看预警" }).click();
  await expect(page).toHaveURL(first);
  await expect(page.getByText("特高危").first()).toBeVisible();
  await expect(page.getByText("¥50,000.00").first()).toBeVisible();
  await expect(page.getByText("称公检法要求转账").first()).toBeVisible();
});
