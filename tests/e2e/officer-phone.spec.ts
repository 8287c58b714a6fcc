import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";
import { expectOfficerFrame, expectPhoneFriendly, PHONE } from "./field-phone";

test.use(PHONE);

// Issue 12.14: on a phone the officer's header took ~230 px, there was no tab bar and the task list
// had 12 px text. The page now keeps the screen: one header row, a bottom tab bar, 14 px text.
test("an officer's phone: a one-row header, a bottom tab bar to the main pages, no text under 14 px", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  await expect(page.locator("li[data-task-id]").first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeHidden();
  await expectOfficerFrame(page, "tasks");
  await expectPhoneFriendly(page);
  await screenshot(page, "officer-phone-tasks");

  // The dispatched warnings come first (someone is being defrauded now); a bar of the page's
  // sections with their counts jumps to the others down a long list.
  await expect(page.locator("main h2").first()).toHaveText("待处置预警");
  const sections = page.getByRole("navigation", { name: "本页" });
  await expect(sections.getByRole("link").first()).toContainText("待处置预警");
  await sections.getByRole("link", { name: /今日回访/ }).tap();
  await expect(page.getByTestId("revisits").getByRole("heading", { name: /今日回访/ })).toBeInViewport();

  // A task opened from the list keeps the tasks tab lit.
  await page.locator("li[data-task-id] a[href^='/field/warnings/']").first().tap();
  await expect(page).toHaveURL(/\/field\/warnings\/[0-9a-f-]+$/);
  await expectOfficerFrame(page, "tasks");
  await expectPhoneFriendly(page);
  await screenshot(page, "officer-phone-warning");

  const tabs = page.getByRole("navigation", { name: "底部导航" });
  for (const [tab, url] of [["intercept", /\/field\/intercepts\/new$/], ["precinct", /\/field\/precinct$/]] as const) {
    await tabs.locator(`[data-tab="${tab}"]`).tap();
    await expect(page).toHaveURL(url);
    await expectOfficerFrame(page, tab);
    await expectPhoneFriendly(page);
    await screenshot(page, `officer-phone-${tab}`);
  }
  await tabs.locator('[data-tab="publicity"]').tap();
  await expect(page).toHaveURL(/\/publicity/);
  await expectOfficerFrame(page, "publicity");

  // Language, account and sign-out sit behind the header's menu button.
  await expect(page.getByRole("button", { name: "退出登录" })).toBeHidden();
  await page.getByRole("button", { name: "更多" }).tap();
  await expect(page.getByRole("button", { name: "切换语言" })).toBeVisible();
  await screenshot(page, "officer-phone-menu");
  await page.getByRole("button", { name: "退出登录" }).tap();
  await expect(page).toHaveURL(/\/login$/);

  // On the car laptop the side navigation is back and the tab bar is gone.
  const laptop = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await loginAs(laptop, "officer");
  await expectLoggedIn(laptop, "/field");
  await expect(laptop.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(laptop.getByTestId("bottom-tabs")).toBeHidden();
  await expect(laptop.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(laptop.getByTestId("user-unit")).toHaveText("东城开发区派出所");
});
