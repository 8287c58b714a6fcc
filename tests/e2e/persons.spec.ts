import { expect, test } from "@playwright/test";
import { loginAs, screenshot } from "./helpers";

// The demo's repeat victim (prisma/seed/demo-warnings.ts REPEAT_VICTIM): an open warning whose
// person was warned twice in the weeks before and dissuaded at home once.
const TAIL = "8675";

test("a dispatcher opens a warning, sees the person's two earlier warnings and last visit, and finds the person by the last four digits", async ({ page }) => {
  test.setTimeout(180_000);
  await loginAs(page, "dispatcher");
  // A shared, loaded machine can take longer than the default to land on the home page.
  await expect(page).toHaveURL(/\/warnings$/, { timeout: 60_000 });

  await page.goto(`/warnings?phone=${TAIL}`);
  const row = page.locator("tr[data-warning-id]", { hasText: `139****${TAIL}` }).first();
  await expect(row).toBeVisible();
  const id = await row.getAttribute("data-warning-id");
  await page.goto(`/warnings/${id}`);

  // One click from the warning to the file, with the 90-day count.
  const link = page.getByTestId("person-link");
  await expect(link).toContainText("此人档案");
  await expect(link).toContainText("近90天预警 3 次");
  await screenshot(page, "persons-warning-link");
  await link.click();
  await expect(page).toHaveURL(/\/persons\/[0-9a-f-]{36}$/);
  const fileUrl = page.url();

  // Masked identity; the two earlier warnings and the home visit on the timeline, each a link to its record.
  await expect(page.getByTestId("person-identity")).toContainText(`139****${TAIL}`);
  await expect(page.getByTestId("person-identity")).not.toContainText(`13986018675`);
  const timeline = page.getByTestId("person-timeline");
  await expect(timeline.locator('li[data-kind="WARNING"]')).toHaveCount(3);
  const visit = timeline.locator('li[data-kind="ACTION"]', { hasText: "上门劝阻" });
  await expect(visit).toHaveCount(1);
  await expect(visit.locator("a")).toHaveAttribute("href", /\/warnings\//);
  await expect(page.getByTestId("count-warningsThisYear")).toHaveText("3");
  await screenshot(page, "persons-file-desktop");

  // The full number only through the audited reveal, with a reason.
  page.once("dialog", (d) => void d.accept("回访前核实号码"));
  await page.getByTestId("person-identity").getByRole("button").first().click();
  await expect(page.getByTestId("person-identity").locator("[data-revealed]")).toHaveText("13986018675");

  // The tail search the dispatcher does on the phone.
  await page.goto("/persons");
  await page.getByLabel("号码后四位").fill(TAIL);
  await page.getByRole("button", { name: "查询", exact: true }).click();
  const hits = page.getByTestId("tail-results");
  await expect(hits).toContainText(`139****${TAIL}`);
  await expect(hits.locator(`a[href="${new URL(fileUrl).pathname}"]`)).toBeVisible();
  await screenshot(page, "persons-search-desktop");

  // The exact lookup needs a reason.
  await page.getByLabel("手机号或身份证号").fill("+86 139 8601 8675");
  await page.getByRole("button", { name: "精确查询" }).click();
  await expect(page.locator("#reason-error")).toBeVisible();
  await page.getByLabel("查询理由").fill("来电核实当事人");
  await page.getByLabel("手机号或身份证号").fill("+86 139 8601 8675");
  await page.getByRole("button", { name: "精确查询" }).click();
  await expect(page.getByTestId("lookup-result")).toContainText("已找到");

  // At 390 px.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(fileUrl);
  await expect(page.getByTestId("person-timeline")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await screenshot(page, "persons-file-390");
  await page.goto(`/persons?tail=${TAIL}`);
  await expect(page.getByTestId("tail-results")).toContainText(`139****${TAIL}`);
  await screenshot(page, "persons-search-390");
});
