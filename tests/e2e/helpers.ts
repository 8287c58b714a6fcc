import { expect, type Page } from "@playwright/test";
import { mkdirSync, readFileSync } from "node:fs";
import { Client } from "pg";

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

/** The app's database (tests/e2e/serve.ts leaves its address), for what no page can do in a test's time. */
async function appDatabase<T>(query: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: readFileSync(`.data/e2e-${process.env.E2E_PORT ?? "3100"}.url`, "utf8") });
  await db.connect();
  try {
    return await query(db);
  } finally {
    await db.end();
  }
}

/** A session's last activity in milliseconds (stored as UTC without a zone). */
const EPOCH_MS = `(extract(epoch FROM "lastSeenAt") * 1000)::float8 AS "lastSeenAt"`;

/**
 * Lets `ms` pass with nobody at the screen of the user's newest session: its last activity goes
 * back that far. Answers the session's id and its last activity.
 */
export const idleSession = (username: string, ms: number) =>
  appDatabase(async (db) => {
    const { rows } = await db.query<{ id: string; lastSeenAt: number }>(
      `UPDATE user_sessions SET "lastSeenAt" = now() AT TIME ZONE 'UTC' - make_interval(secs => $2)
        WHERE id = (SELECT s.id FROM user_sessions s JOIN users u ON u.id = s."userId" WHERE u.username = $1 ORDER BY s."createdAt" DESC LIMIT 1)
        RETURNING id::text, ${EPOCH_MS}`,
      [username, ms / 1000],
    );
    return rows[0]!;
  });

/** A session's last activity, and whether it has ended. */
export const sessionState = (id: string) =>
  appDatabase(async (db) => {
    const { rows } = await db.query<{ lastSeenAt: number; ended: boolean }>(`SELECT ${EPOCH_MS}, "revokedAt" IS NOT NULL AS ended FROM user_sessions WHERE id = $1`, [id]);
    return rows[0]!;
  });
