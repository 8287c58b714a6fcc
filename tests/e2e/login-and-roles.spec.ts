import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

// Every demo account lands on its role's home page and sees only the navigation its role may use.
const ROLES = [
  { username: "dispatcher", home: "/warnings", nav: ["warnings", "cases", "publicity", "stats"], unit: "反诈中心" },
  { username: "officer", home: "/field", nav: ["field", "cases", "publicity"], unit: "东城开发区派出所" },
  { username: "officer2", home: "/field", nav: ["field", "cases", "publicity"], unit: "中区派出所" },
  { username: "investigator", home: "/cases", nav: ["cases", "publicity", "stats"], unit: "茅箭区分局" },
  { username: "chief", home: "/cases", nav: ["cases", "publicity", "stats"], unit: "茅箭区分局" },
  { username: "leader", home: "/stats", nav: ["publicity", "stats"], unit: "十堰市公安局" },
  { username: "admin", home: "/admin/users", nav: ["users", "units", "apiKeys", "settings"], unit: "十堰市公安局" },
  { username: "auditor", home: "/audit", nav: ["audit", "approvals"], unit: "十堰市公安局" },
  { username: "secofficer", home: "/approvals", nav: ["approvals"], unit: "十堰市公安局" },
];

for (const role of ROLES) {
  test(`${role.username} logs in, lands on ${role.home} and sees only their navigation`, async ({ page }) => {
    await loginAs(page, role.username);
    await expectLoggedIn(page, role.home);
    const nav = page.getByRole("navigation", { name: "主导航" });
    const keys = await nav.locator("[data-nav]").evaluateAll((links) => links.map((l) => l.getAttribute("data-nav")));
    expect(keys).toEqual(role.nav);
    await expect(page.getByTestId("user-unit")).toContainText(role.unit);
    await screenshot(page, `home-${role.username}`);
  });
}

test("a page outside the role answers not found", async ({ page }) => {
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test("a wrong password shows the error in Chinese and no session", async ({ page }) => {
  await page.goto("/login");
  await screenshot(page, "login");
  await loginAs(page, "dispatcher", "Wrong-Password-1");
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误。");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/warnings");
  await expect(page).toHaveURL(/\/login$/);
});

test("logout ends the session", async ({ page }) => {
  await loginAs(page, "investigator");
  await expectLoggedIn(page, "/cases");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/login$/);
});

test("the interface switches to English and back", async ({ page }) => {
  await loginAs(page, "leader");
  await expectLoggedIn(page, "/stats");
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toContainText("Statistics");
  await page.getByRole("button", { name: "Switch language" }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
});
