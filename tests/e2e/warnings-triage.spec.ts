import { expect, test } from "@playwright/test";
import { expectLoggedIn, FROM_OUR_PAGES, loginAs, screenshot } from "./helpers";

test("a dispatcher triages a warning from arrival to resolution with the keyboard while a second session watches", async ({ browser }) => {
  const desk = await (await browser.newContext()).newPage();
  const wall = await (await browser.newContext()).newPage();
  await loginAs(desk, "dispatcher");
  await expectLoggedIn(desk, "/warnings");
  await screenshot(desk, "warnings-queue");
  await loginAs(wall, "dispatcher");
  await expectLoggedIn(wall, "/warnings");

  // The queue, filtered to this victim's phone tail, is empty until the warning arrives.
  const tail = String(1000 + Math.floor(Math.random() * 9000));
  const phone = `1387654${tail}`;
  await desk.goto(`/warnings?phone=${tail}`);
  await expect(desk.getByTestId("live")).toHaveText("实时");
  await expect(desk.getByText("没有符合筛选条件的预警")).toBeVisible();

  const res = await wall.request.post("/api/v1/warnings", {
    headers: FROM_OUR_PAGES,
    data: {
      source: "NATIONAL", externalId: `E2E-${Date.now()}`, riskLevel: "CRITICAL", fraudType: "IMPERSONATE_OFFICIAL",
      receivedAt: new Date().toISOString(), victim: { name: "孙某", phone, address: "东城开发区白浪路18号" },
      contact: { channel: "PHONE", value: "0085263001234" }, amountAtRisk: "30000.00",
    },
  });
  expect(res.status()).toBe(200);
  const { results } = await res.json();
  expect(results[0].status).toBe("created");
  const id: string = results[0].id;

  // It appears on the desk without a reload, routed to the precinct by the address.
  const row = desk.locator(`tr[data-warning-id="${id}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("东城开发区派出所");
  await expect(row).toContainText(`138****${tail}`);
  await expect(row.locator("[data-sla]")).toBeVisible();

  await wall.goto(`/warnings/${id}`);
  await expect(wall.getByTestId("warning-status")).toHaveText("待签收");
  await expect(wall.getByTestId("live")).toHaveText("实时");

  // a: sign for. The second session sees it change live.
  await desk.keyboard.press("a");
  await expect(row).toHaveAttribute("data-status", "ACKNOWLEDGED");
  await expect(wall.getByTestId("warning-status")).toHaveText("已签收");

  // c: log the 96110 call, keyboard only.
  await desk.keyboard.press("c");
  await expect(desk).toHaveURL(new RegExp(`/warnings/${id}\\?do=call`));
  const result = desk.getByLabel("结果");
  await expect(result).toBeFocused();
  await desk.keyboard.press("ArrowDown");
  await desk.keyboard.press("ArrowDown");
  await expect(result).toHaveValue("DISSUADED");
  await desk.keyboard.press("Tab");
  await desk.keyboard.type("6");
  await desk.keyboard.press("Tab");
  await desk.keyboard.type("30000");
  await desk.keyboard.press("Tab");
  await desk.keyboard.press("Tab");
  await desk.keyboard.type("受害人已停止转账，已告知家属");
  await desk.keyboard.press("Enter");
  await expect(desk.getByTestId("warning-status")).toHaveText("劝阻中");
  await expect(desk.getByTestId("action-log")).toContainText("劝阻成功");
  await expect(wall.getByTestId("warning-status")).toHaveText("劝阻中");

  // r: resolve as dissuaded.
  await desk.keyboard.press("r");
  await expect(desk.getByLabel("处置结果")).toBeFocused();
  await desk.keyboard.press("Tab");
  await desk.keyboard.type("劝阻成功，止损3万元");
  await desk.keyboard.press("Enter");
  await expect(desk.getByTestId("warning-status")).toHaveText("已办结");
  await expect(wall.getByTestId("warning-status")).toHaveText("已办结");
  await screenshot(desk, "warning-resolved");

  // Esc: back to the queue.
  await desk.keyboard.press("Escape");
  await expect(desk).toHaveURL(/\/warnings$/);
});

test("a stale version is answered with the fresh state", async ({ page, browser }) => {
  await loginAs(page, "dispatcher");
  await expectLoggedIn(page, "/warnings");
  const res = await page.request.post("/api/v1/warnings", {
    headers: FROM_OUR_PAGES,
    data: { source: "BANK", externalId: `E2E-STALE-${Date.now()}`, riskLevel: "HIGH", fraudType: "FAKE_LOAN", receivedAt: new Date().toISOString(), victim: { phone: "13500001234" }, contact: { channel: "URL", value: "http://loan.example" } },
  });
  const id: string = (await res.json()).results[0].id;
  await page.goto(`/warnings/${id}`);
  // Someone else signs for it first.
  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "dispatcher");
  await expectLoggedIn(other, "/warnings");
  const api = await other.request.post(`/api/v1/warnings/${id}/transitions`, { data: { to: "ACKNOWLEDGED", version: 1 }, headers: FROM_OUR_PAGES });
  expect(api.status()).toBe(200);
  const stale = await other.request.post(`/api/v1/warnings/${id}/transitions`, { data: { to: "ACKNOWLEDGED", version: 1 }, headers: FROM_OUR_PAGES });
  expect(stale.status()).toBe(409);
  await expect(page.getByTestId("warning-status")).toHaveText("已签收");
});
