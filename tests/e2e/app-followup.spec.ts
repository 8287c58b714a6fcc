import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";
import { expectPhoneFriendly, PHONE } from "./field-phone";

test.use({ ...PHONE, viewport: { width: 390, height: 844 } });

// Issue 15.5: an officer at 390 px finds the people dissuaded without the 国家反诈中心APP on My
// tasks and closes one follow-up: the person installed it.
test("an officer's phone: an app follow-up from My tasks, recorded installed", async ({ page }) => {
  test.setTimeout(240_000);
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  const section = page.getByTestId("app-followups");
  await expect(section.getByRole("heading", { name: /待装反诈APP/ })).toBeVisible();
  const cards = section.locator("li[data-app-followup-id]");
  await expect(cards.nth(1)).toBeVisible();
  const before = await cards.count();
  await section.scrollIntoViewIfNeeded();
  await expectPhoneFriendly(page);
  await screenshot(page, "app-followup-phone-tasks");

  const first = cards.first();
  const id = await first.getAttribute("data-app-followup-id");
  await first.getByRole("link", { name: "登记", exact: true }).tap();
  await expect(page).toHaveURL(new RegExp(`/field/app-followups/${id}$`));
  await expectPhoneFriendly(page);
  // 拒绝安装 needs a reason: the form says so under the note.
  await page.getByRole("radio", { name: /拒绝安装/ }).check();
  await page.getByRole("button", { name: "提交", exact: true }).tap();
  await expect(page.getByText("请说明拒绝原因")).toBeVisible();
  await page.getByRole("radio", { name: /已安装注册/ }).check();
  await page.getByLabel("备注").fill("电话指导当事人下载国家反诈中心APP并完成注册");
  await screenshot(page, "app-followup-phone-form");
  await page.getByRole("button", { name: "提交", exact: true }).tap();
  await expect(page.getByTestId("app-followup-saved")).toContainText("APP回访已登记");
  await screenshot(page, "app-followup-phone-saved");
  await page.getByRole("link", { name: "返回我的任务" }).tap();
  await expect(page).toHaveURL(/\/field$/);
  await expect(section.locator(`li[data-app-followup-id='${id}']`)).toHaveCount(0);
  await expect(cards).toHaveCount(before - 1);

  // Done: the page says so; a malformed id is the 404 page.
  await page.goto(`/field/app-followups/${id}`);
  await expect(page.getByText("该任务已完成。")).toBeVisible();
  // (The page streams a loading skeleton first: the not-found page comes in the stream.)
  await page.goto("/field/app-followups/not-an-id");
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});
