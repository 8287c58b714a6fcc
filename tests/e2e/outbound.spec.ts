import { expect, test } from "@playwright/test";
import type { Page } from "@playwright/test";
import { loginAs, screenshot } from "./helpers";

async function signIn(page: Page, username: string) {
  await loginAs(page, username);
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

// The demo's newest 特高危 warnings start their dissuasion ladders when the platform starts: the
// gateway simulator of `npm start` receives their SMS, 闪信 and robot calls and posts receipts back.
test("the administrator sees the SMS a victim receives, and the ladder's settings", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/outbound");
  await expect(page.getByRole("heading", { name: "劝阻短信与外呼" })).toBeVisible();
  const table = page.getByTestId("outbound-messages");
  await expect(table).toContainText("【反诈中心】");
  // Delivered within seconds (the simulator's receipts), phones masked.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("outbound-messages")).toContainText("已送达", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(table).toContainText(/1\d{2}\*{4}\d{4}/);
  await expect(page.getByTestId("outbound-ladder-form")).toBeVisible();
  await screenshot(page, "outbound-admin");

  // A 闪信 over one segment is refused on its own field.
  const flash = page.locator('textarea[name="FLASH.ROMANCE"]');
  await flash.fill("预".repeat(71));
  await page.getByTestId("outbound-templates-form").getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("outbound-templates-form")).toContainText("超出短信长度");
});

test("the dispatcher sees the ladder's results on the warning's timeline", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin/outbound");
  const href = await page.getByTestId("outbound-warning-link").first().getAttribute("href");
  await page.context().clearCookies();
  await signIn(page, "dispatcher");
  await expect(async () => {
    await page.goto(href!);
    await expect(page.getByText(/自动劝阻：(预警短信|闪信)已送达/).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await screenshot(page, "outbound-timeline");
});
