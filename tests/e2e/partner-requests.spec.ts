import { expect, test } from "@playwright/test";
import { FROM_OUR_PAGES, signIn, screenshot } from "./helpers";

// 止付 / 冻结 / 停机 requests: the investigator raises a stop-payment from a case, the simulator of
// `npm start` answers as the bank, and the printable document carries the legal fields; the
// dispatcher raises a 停机 request from a warning; the list shows both with their deadlines.

const CARD = "6222021234567890128";

test("an investigator raises a stop-payment from a case, the bank answers, the document prints", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "investigator");
  await page.goto("/cases?status=INVESTIGATING");
  await page.locator('a[href^="/cases/"]').filter({ hasText: /^\S+-\d{4}-\d{5}$/ }).first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const section = page.getByTestId("section-requests");
  await section.locator("summary", { hasText: "发起止付/冻结/停机" }).click();
  const form = page.getByTestId("request-form");
  await form.getByLabel("请求类型").selectOption("STOP_PAYMENT");
  await form.getByLabel("银行/运营商").fill("中国工商银行");
  await form.getByLabel("账号/号码").fill(CARD);
  await form.getByLabel("户名/机主").fill("李某");
  await form.getByLabel("审批人").fill("刘建国");
  // A stop-payment needs its amount: refused on that field, nothing sent.
  await form.getByRole("button", { name: "发起止付/冻结/停机" }).click();
  await expect(form.locator('[aria-invalid="true"][name="amount"]')).toBeVisible();
  await form.getByLabel("金额（元）").fill("86000.50");
  await form.getByRole("button", { name: "发起止付/冻结/停机" }).click();
  const item = section.locator("li[data-request]").first();
  await expect(item).toContainText("紧急止付");
  await expect(item).toContainText(/622202\*+0128/);
  // The simulator answers as the bank within seconds: accepted, the whole amount held.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("section-requests").locator("li[data-request]").first()).toContainText("已受理", { timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  await expect(page.getByTestId("section-requests").locator("li[data-request]").first()).toContainText("86,000.50");

  await page.getByTestId("section-requests").getByTestId("request-document-link").first().click();
  // The full numbers only with a reason (prefilled), audited with the opening.
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("request-document")).toHaveCount(0);
  await screenshot(page, "partner-request-reason");
  await page.getByTestId("document-reason-submit").click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}\?reason=/);
  const doc = page.getByTestId("request-document");
  await expect(doc.getByRole("heading", { name: "紧急止付通知书" })).toBeVisible();
  await expect(page.getByTestId("request-doc-number")).toHaveText(/^止付-\d{6,8}-\d{4}-\d{5}$/);
  await expect(page.getByTestId("request-target")).toHaveText(CARD);
  await expect(doc).toContainText("中国工商银行");
  await expect(doc).toContainText("反电信网络诈骗法");
  await expect(doc).toContainText("¥86,000.50");
  await expect(doc).toContainText("48 小时");
  await expect(page.getByTestId("request-approver")).toHaveText("刘建国");
  await expect(page.getByTestId("request-answer")).toContainText("已受理");
  await screenshot(page, "partner-request-document");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("print-request")).toBeHidden();
  await screenshot(page, "partner-request-document-print");
});

test("a dispatcher raises a 停机 request from a warning; the list shows the requests", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "dispatcher");
  const phone = `1397654${String(1000 + Math.floor(Math.random() * 9000))}`;
  const res = await page.request.post("/api/v1/warnings", {
    headers: FROM_OUR_PAGES,
    data: {
      source: "HOTLINE", externalId: `E2E-PR-${Date.now()}`, riskLevel: "MEDIUM", fraudType: "IMPERSONATE_OFFICIAL",
      receivedAt: new Date().toISOString(), victim: { name: "孙某", phone, address: "东城开发区白浪路18号" },
      contact: { channel: "PHONE", value: "0085263001234" }, amountAtRisk: "30000.00",
    },
  });
  expect(res.status()).toBe(200);
  const id: string = (await res.json()).results[0].id;
  await page.goto(`/warnings/${id}`);
  const section = page.getByTestId("section-requests");
  await section.locator("summary", { hasText: "发起止付/冻结/停机" }).click();
  const form = page.getByTestId("request-form");
  await form.getByLabel("请求类型").selectOption("SUSPEND");
  await form.getByLabel("银行/运营商").fill("中国移动");
  await form.getByLabel("账号/号码").fill("17012345678");
  await form.getByLabel("审批人").fill("刘建国");
  await form.getByRole("button", { name: "发起止付/冻结/停机" }).click();
  await expect(section.locator("li[data-request]").first()).toContainText("停机");
  await expect(section.locator("li[data-request]").first()).toContainText(/170\*+5678/);

  await page.goto("/requests");
  await expect(page.getByRole("heading", { name: "止付冻结协查" })).toBeVisible();
  await expect(page.getByTestId("requests-table")).toContainText("停机");
  await screenshot(page, "partner-requests-list");
});
