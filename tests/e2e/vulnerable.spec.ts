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

// The list's people each have a file, an import-only student too; a recorded label ends from the
// file; a targeted outreach started by mistake is cancelled and leaves the officer's list.
test("an officer's phone: a student's file from the list, the label removed, an outreach cancelled", async ({ page }) => {
  test.setTimeout(240_000);
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  await page.goto("/field/vulnerable?label=STUDENT");
  const people = page.getByTestId("vulnerable-person");
  await expect(people.first()).toBeVisible();
  const students = await people.count();
  await people.first().getByRole("link", { name: "档案" }).tap();
  await expect(page).toHaveURL(/\/persons\/[0-9a-f-]+$/);
  const labels = page.getByTestId("person-timeline").locator("li[data-kind='LABEL']");
  await expect(labels.first()).toContainText("学生");
  // The person file is a desk page (its reveal and back links are not sized for a thumb): looked at, not held to the phone rule.
  await screenshot(page, "vulnerable-phone-file-label");
  page.once("dialog", (d) => void d.accept());
  await labels.filter({ hasText: "学生" }).first().getByRole("button", { name: "移除标签" }).tap();
  await expect(labels.filter({ hasText: "学生" })).toHaveCount(0);
  await page.goto("/field/vulnerable?label=STUDENT");
  await expect(people).toHaveCount(students - 1);

  // A targeted outreach of the remaining students, then cancelled with a reason.
  await page.goto("/field/vulnerable");
  const tasks = page.getByTestId("outreach-task");
  await expect(page.getByTestId("outreach-create")).toBeVisible();
  const before = await tasks.count();
  await page.locator("#outreach-label").selectOption("STUDENT");
  await page.locator("#outreach-days").fill("1");
  await page.getByRole("button", { name: "生成走访任务" }).tap();
  await expect(page.getByTestId("outreach-create")).toContainText("已生成");
  await expect(tasks).toHaveCount(before + students - 1);
  const campaign = page.getByTestId("outreach-campaigns").locator("li").first();
  await campaign.getByText("取消走访").tap();
  await campaign.getByLabel("取消原因").fill("学生已放假，改为开学后走访");
  await campaign.getByRole("button", { name: "确认取消" }).tap();
  await expect(campaign).toContainText("已取消");
  await expect(tasks).toHaveCount(before);
  await screenshot(page, "vulnerable-phone-outreach-cancelled");
});
