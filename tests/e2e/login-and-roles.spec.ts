import { expect, test } from "@playwright/test";
import { delayScripts, DEMO_PASSWORD, expectLoggedIn, loginAs, screenshot } from "./helpers";

// Every demo account lands on its role's home page and sees only the navigation its role may use.
const ROLES = [
  { username: "dispatcher", home: "/warnings", nav: ["warnings", "handover", "cases", "links", "requests", "persons", "vulnerable", "publicity", "stats"], unit: "反诈中心" },
  { username: "officer", home: "/field", nav: ["field", "cases", "links", "requests", "persons", "vulnerable", "publicity"], unit: "东城开发区派出所" },
  { username: "officer2", home: "/field", nav: ["field", "cases", "links", "requests", "persons", "vulnerable", "publicity"], unit: "中区派出所" },
  { username: "investigator", home: "/cases", nav: ["cases", "links", "requests", "persons", "vulnerable", "publicity", "stats"], unit: "茅箭区分局" },
  { username: "chief", home: "/cases", nav: ["cases", "links", "requests", "persons", "vulnerable", "publicity", "stats"], unit: "茅箭区分局" },
  { username: "leader", home: "/stats", nav: ["handover", "publicity", "stats", "wall"], unit: "十堰市公安局" },
  { username: "admin", home: "/admin/users", nav: ["users", "units", "apiKeys", "settings", "outbound", "mapBoundaries"], unit: "十堰市公安局" },
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

// Pages each role may not open: a real 404 status, whether the page streams a loading skeleton or not.
const FORBIDDEN: Record<string, string[]> = {
  dispatcher: ["/field", "/cases/new", "/admin/users", "/audit"],
  officer: ["/warnings", "/warnings/new", "/cases/new", "/stats", "/stats/charts", "/admin/users", "/audit"],
  investigator: ["/warnings", "/field", "/field/precinct", "/admin/settings", "/audit"],
  leader: ["/warnings", "/warnings/0190d0c4-0000-7000-8000-000000000000", "/field", "/cases", "/cases/gangs", "/publicity/events/new", "/admin/users", "/audit"],
  admin: ["/warnings", "/field", "/cases", "/publicity", "/stats", "/audit", "/audit/1"],
  auditor: ["/warnings", "/field", "/cases", "/publicity", "/stats/rankings", "/admin/users", "/admin/api-keys"],
};

for (const [username, paths] of Object.entries(FORBIDDEN)) {
  test(`pages outside ${username}'s role answer 404`, async ({ page }) => {
    await loginAs(page, username);
    await expectLoggedIn(page, ROLES.find((r) => r.username === username)!.home);
    const statuses: Record<string, number | undefined> = {};
    for (const path of paths) statuses[path] = (await page.goto(path))?.status();
    expect(statuses).toEqual(Object.fromEntries(paths.map((p) => [p, 404])));
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });
}

test("every page has its icon, signed in or not", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404 && !r.request().isNavigationRequest()) missing.push(r.url());
  });
  await page.goto("/login");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await page.request.get(href!);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await loginAs(page, "leader");
  await expectLoggedIn(page, "/stats");
  // The metadata may stream in after the page: wait for it rather than count at once.
  await expect(page.locator('link[rel="icon"]').first()).toBeAttached();
  expect(missing).toEqual([]);
});

test("a wrong password shows the error in Chinese and no session", async ({ page }) => {
  await page.goto("/login");
  await screenshot(page, "login");
  await loginAs(page, "dispatcher", "Wrong-Password-1");
  await expect(page.getByTestId("login-error")).toContainText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/warnings");
  await expect(page).toHaveURL(/\/login$/);
});

test("the password never reaches an address, even when 登录 is pressed before the page's scripts run", async ({ page }) => {
  const addresses: string[] = [];
  page.on("request", (r) => addresses.push(r.url()));
  await delayScripts(page);
  await page.goto("/login", { waitUntil: "commit" });
  await page.getByLabel("用户名").fill("dispatcher");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await expect(page.getByRole("button", { name: "登录" })).toBeDisabled();
  await page.getByLabel("密码").press("Enter");
  // Once React runs, the same button signs in with what was typed.
  await page.getByRole("button", { name: "登录" }).click();
  await expectLoggedIn(page, "/warnings");
  expect(addresses.filter((a) => new URL(a).search.includes("password"))).toEqual([]);
});

test("logout ends the session", async ({ page }) => {
  await loginAs(page, "investigator");
  await expectLoggedIn(page, "/cases");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/login$/);
});

test("the interface switches to English and back, and the browser loads only the catalog it shows", async ({ page }) => {
  await loginAs(page, "leader");
  await expectLoggedIn(page, "/stats");
  // A page loaded afresh, and every script it loaded (as the page's own resource timing lists them,
  // preloads included) read again: each locale's catalog carries the bureau's name in its language
  // (common.json app.org).
  await page.goto("/stats", { waitUntil: "networkidle" });
  const urls = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name).filter((u) => /\/_next\/static\/.+\.js(\?|$)/.test(u)));
  expect(urls.length).toBeGreaterThan(0);
  const texts = await Promise.all(urls.map(async (u) => (await page.request.get(u)).text()));
  expect(texts.some((s) => s.includes("十堰市公安局"))).toBe(true);
  expect(texts.some((s) => s.includes("Shiyan Public Security Bureau"))).toBe(false);
  await page.getByRole("button", { name: "切换语言" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toContainText("Statistics");
  await page.getByRole("button", { name: "Switch language" }).click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
});
