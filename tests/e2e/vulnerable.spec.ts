import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";
import { expectPhoneFriendly, PHONE } from "./field-phone";

test.use({ ...PHONE, viewport: { width: 390, height: 844 } });

// Issue 15.4: an officer at 390 px opens the vulnerable list of 东城开发区派出所 (the demo's imported
// community list), filters it, and records an outreach visit of the open targeted outreach.
test("an officer's phone: the vulnerable list and an outreach visit recorded", async ({ page }) => {
  test.setTimeout(240_000);
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  await page.getByRole("main").getByRole("link", { name: "重点人群" }).tap();
  await expect(page).toHaveURL(/\/field\/vulnerable$/);
  await expect(page.getByRole("heading", { name: "重点人群", level: 1 })).toBeVisible();
  const people = page.getByTestId("vulnerable-person");
  await expect(people.first()).toBeVisible();
  // Masked: the demo's 张桂兰 shows as 张**.
  await expect(page.getByText("张**").first()).toBeVisible();
  await expectPhoneFriendly(page);
  await screenshot(page, "vulnerable-phone-list");

  // Filter: students only.
  await page.getByLabel("标签").first().selectOption("STUDENT");
  await page.getByRole("button", { name: "筛选" }).tap();
  await expect(page).toHaveURL(/label=STUDENT/);
  await expect(people).toHaveCount(2);
  await expect(people.first()).toContainText("学生");

  // The outreach visits of the demo's targeted outreach: record the first.
  await page.goto("/field/vulnerable");
  const tasks = page.getByTestId("outreach-task");
  const before = await tasks.count();
  expect(before).toBeGreaterThan(0);
  await tasks.first().tap();
  await expect(page).toHaveURL(/\/field\/vulnerable\/tasks\/[0-9a-f-]+$/);
  await expectPhoneFriendly(page);
  await page.getByRole("radio", { name: /已走访宣传/ }).check();
  await page.getByLabel("备注").fill("上门讲解养老诈骗手法，发放宣传资料");
  await screenshot(page, "vulnerable-phone-visit-form");
  await page.getByRole("button", { name: "保存" }).tap();
  await expect(page.getByTestId("outreach-saved")).toContainText("已登记");
  await screenshot(page, "vulnerable-phone-visit-saved");
  await page.getByRole("link", { name: "返回名单" }).tap();
  await expect(page).toHaveURL(/\/field\/vulnerable$/);
  await expect(tasks).toHaveCount(before - 1);
  // The campaign's progress, as dispatchers read it too.
  await expect(page.getByTestId("outreach-campaigns")).toContainText(`完成 1/${before}`);
});
