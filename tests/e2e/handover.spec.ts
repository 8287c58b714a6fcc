import { expect, test, type Page } from "@playwright/test";
import { FROM_OUR_PAGES, expectLoggedIn, loginAs, screenshot } from "./helpers";

// Issue 12.13: the duty shift. The outgoing dispatcher sees what is open, overdue and promised and
// hands over with a note; the incoming one (the same desk) acknowledges it; a leader reads it.

const desk = (page: Page) => page.getByRole("navigation", { name: "主导航" });

test("a dispatcher hands the shift over, the next one acknowledges it, and a leader reads it", async ({ page, browser }) => {
  test.setTimeout(150_000);
  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");
  // The shift's work: an overdue warning nobody signed for, and one the dispatcher signs for.
  const tail = String(1000 + Math.floor(Math.random() * 9000));
  const ingest = async (minutesAgo: number, n: number) => {
    const res = await page.request.post("/api/v1/warnings", {
      headers: FROM_OUR_PAGES,
      data: {
        source: "HOTLINE", externalId: `E2E-HANDOVER-${Date.now()}-${n}`, riskLevel: "HIGH", fraudType: "FAKE_INVESTMENT",
        receivedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(), unitCode: "420300FZ",
        victim: { name: "杜秀英", phone: `1397211${n}${tail.slice(1)}` }, contact: { channel: "PHONE", value: `008526300${tail}${n}` },
      },
    });
    return (await res.json()).results[0].id as string;
  };
  await ingest(90, 1);
  const signed = await ingest(1, 2);
  expect((await page.request.post(`/api/v1/warnings/${signed}/transitions`, { data: { to: "ACKNOWLEDGED", version: 1 }, headers: FROM_OUR_PAGES })).status()).toBe(200);

  await desk(page).getByRole("link", { name: "交接班" }).click();
  await expect(page).toHaveURL(/\/handover$/);
  await expect(page.getByRole("heading", { name: "交接班", level: 1 })).toBeVisible();
  expect(Number(await page.locator('[data-stat="overdue"]').textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("handover-overdue")).toContainText("超时");
  const me = page.getByTestId("handover-workload").locator("tr", { hasText: "李娜（我）" });
  expect(Number(await me.locator('[data-count="signed"]').textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("my-shift")).toContainText("签收");

  await page.getByLabel("交班说明").fill(`东城所回拨 1397200${tail} 未接通，请接班后再拨`);
  await page.getByRole("button", { name: "交班", exact: true }).click();
  await expect(page.getByTestId("my-open-handover")).toBeVisible();
  const row = page.getByTestId("handover-history").locator("tr", { hasText: "李娜" }).first();
  await expect(row).toContainText(`139****${tail}`);
  await expect(row).not.toContainText(`1397200${tail}`);
  await expect(row.getByTestId("handover-incoming")).toHaveText("待确认");
  // The author cannot take over their own handover.
  await expect(page.getByTestId("handover-awaiting")).toHaveCount(0);
  await screenshot(page, "handover-outgoing");

  // The incoming dispatcher of the same desk sees it waiting, with the note, and acknowledges it.
  const next = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await loginAs(next, "dispatcher2");
  await expectLoggedIn(next, "/warnings");
  await next.goto("/handover");
  const waiting = next.getByTestId("handover-awaiting");
  await expect(waiting).toHaveCount(1);
  await expect(waiting).toContainText("李娜 交班");
  await expect(waiting).toContainText(`139****${tail}`);
  await screenshot(next, "handover-incoming");
  await waiting.getByRole("button", { name: "确认接班" }).click();
  await expect(next.getByTestId("handover-awaiting")).toHaveCount(0);
  await expect(next.getByTestId("handover-history").locator("tr", { hasText: "李娜" }).first().getByTestId("handover-incoming")).toContainText("马丽");
  await expect(next.getByTestId("handover-form")).toBeVisible();

  // The outgoing dispatcher sees it taken over and may hand over again.
  await page.reload();
  await expect(row.getByTestId("handover-incoming")).toContainText("马丽");
  await expect(page.getByTestId("handover-form")).toBeVisible();

  // The leader reads the city's handovers and workload, and can write nothing.
  const leader = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await loginAs(leader, "leader");
  await expectLoggedIn(leader, "/stats");
  await desk(leader).getByRole("link", { name: "交接班" }).click();
  await expect(leader.getByTestId("handover-read-only")).toBeVisible();
  await expect(leader.getByTestId("handover-form")).toHaveCount(0);
  await expect(leader.getByTestId("handover-history")).toContainText(`139****${tail}`);
  await expect(leader.getByTestId("handover-workload")).toContainText("马丽");
  await expect(leader.getByTestId("handover-overdue").locator("a")).toHaveCount(0);
  await screenshot(leader, "handover-leader");

  // An officer has no such page.
  const officer = await (await browser.newContext()).newPage();
  await loginAs(officer, "officer");
  await expectLoggedIn(officer, "/field");
  expect((await officer.goto("/handover"))?.status()).toBe(404);
});
