import { expect, test } from "@playwright/test";
import { FROM_OUR_PAGES, loginAs, screenshot } from "./helpers";

// 移交审核: a dispatcher transfers a warning to 中区派出所; its officer, on a phone, returns it with a
// reason; the dispatcher reads the reason in the warning's history.
test("a dispatcher transfers a warning to another precinct, which returns it with a reason shown in the history", async ({ browser }) => {
  test.setTimeout(180_000);
  const desk = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await loginAs(desk, "dispatcher");
  // A busy machine signs in slowly: wait for the home page longer than the default.
  await desk.waitForURL(/\/warnings$/, { timeout: 60_000 });

  // A 96110 caller with no address: routed to the centre.
  const tail = String(1000 + Math.floor(Math.random() * 9000));
  const res = await desk.request.post("/api/v1/warnings", {
    headers: FROM_OUR_PAGES,
    data: {
      source: "HOTLINE", externalId: `E2E-T-${Date.now()}`, riskLevel: "HIGH", fraudType: "FAKE_INVESTMENT",
      receivedAt: new Date().toISOString(), victim: { name: "赵某", phone: `1397123${tail}` },
      contact: { channel: "PHONE", value: "0085263005678" }, amountAtRisk: "50000.00",
    },
  });
  expect(res.status()).toBe(200);
  const id: string = (await res.json()).results[0].id;

  await desk.goto(`/warnings/${id}`);
  await desk.getByTestId("transfer-open").click();
  const form = desk.getByRole("form", { name: "移交预警" });
  await form.getByLabel("接收单位").fill("zqpcs");
  await expect(desk.getByTestId("unit-options")).toContainText("中区派出所");
  await form.getByLabel("接收单位").press("Enter");
  await expect(form.getByLabel("接收单位")).toHaveValue("中区派出所（42039101）");
  // No reason: refused, naming the field.
  await form.getByRole("button", { name: "提交移交" }).click();
  await expect(form.getByText("必填")).toBeVisible();
  const reason = `当事人现住东岳路${tail}号，属中区辖区`;
  await form.getByLabel("移交理由").fill(reason);
  await screenshot(desk, "transfer-propose");
  await form.getByRole("button", { name: "提交移交" }).click();
  await expect(desk.getByTestId("open-transfer")).toContainText("移交中：中区派出所（待接收）");
  await expect(desk.getByTestId("warning-history")).toContainText(reason);

  // 中区派出所's officer, on a phone: the transfer waits on the precinct view.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  await loginAs(phone, "officer2");
  await phone.waitForURL(/\/field$/, { timeout: 60_000 });
  await phone.goto("/field/precinct");
  const item = phone.getByTestId("precinct-transfers").getByRole("listitem").filter({ hasText: reason });
  await expect(item).toContainText(`139****${tail}`);
  await expect(item).toContainText("待接收");
  await item.getByRole("button", { name: "退回" }).click();
  await item.getByRole("button", { name: "确认退回" }).click();
  await expect(item.getByText("必填")).toBeVisible();
  const why = "经核实当事人已迁居茅箭区，不属本所辖区";
  await item.getByLabel("退回理由").fill(why);
  await screenshot(phone, "transfer-return-phone");
  await item.getByRole("button", { name: "确认退回" }).click();
  await expect(phone.getByTestId("precinct-transfers").getByText(reason)).toBeHidden();

  // Back at the desk: the warning stayed with the centre, the history says why it came back.
  await desk.reload();
  await expect(desk.getByTestId("open-transfer")).toBeHidden();
  await expect(desk.getByTestId("warning-history")).toContainText(`中区派出所刘洋退回移交，理由：${why}`);
  await expect(desk.getByTestId("transfer-open")).toBeVisible();
  await screenshot(desk, "transfer-returned-history");

  await desk.goto("/transfers");
  await expect(desk.getByTestId("transfers-outgoing").getByRole("listitem").filter({ hasText: reason })).toContainText(why);
  await screenshot(desk, "transfers-page");
});
