import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";

export const DEMO_PASSWORD = "Shiyan@96110";
/** What a browser adds to a request of our own pages; a cookie-authenticated write without it is refused. */
export const FROM_OUR_PAGES = { "sec-fetch-site": "same-origin" } as const;

export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

/** Signed in and landed: the home page's menu is shown, so no redirect of the sign-in is still under way to abort the next goto. */
export async function signIn(page: Page, username: string) {
  await loginAs(page, username);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

export async function expectLoggedIn(page: Page, home: string) {
  await expect(page).toHaveURL(new RegExp(`${home}$`));
  await expect(page.getByTestId("user-menu")).toBeVisible();
}

const SCRIPTS = /\/_next\/static\/chunks\/.*\.js$/;

/**
 * The page's scripts arrive late, as on a slow phone network: its HTML is there, React is not yet.
 * Returns the way back to normal.
 */
export async function delayScripts(page: Page, ms = 2_000) {
  await page.route(SCRIPTS, async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
  return () => page.unroute(SCRIPTS);
}

/** Screenshots land in tests/e2e/screenshots/ to be looked at (not committed). */
export async function screenshot(page: Page, name: string) {
  mkdirSync("tests/e2e/screenshots", { recursive: true });
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}
