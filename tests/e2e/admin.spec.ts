import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

test("an admin creates a user who is locked out after five wrong passwords", async ({ page, browser }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");

  // A weak password is refused with the reasons, nothing is created.
  await page.getByLabel("用户名").fill("lock.test");
  await page.getByLabel("姓名").fill("锁定测试");
  await page.getByLabel("角色").selectOption("OFFICER");
  await page.getByLabel("所属单位").selectOption("42030202");
  await page.getByLabel("初始密码").fill("short");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "输入有误" })).toBeVisible();
  await expect(page.getByText("太短")).toBeVisible();
  await screenshot(page, "admin-users-error");

  await page.getByLabel("初始密码").fill("Copper-Lantern-47");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByText("用户已创建")).toBeVisible();
  await expect(page.locator('tr[data-username="lock.test"]')).toContainText("朝阳派出所");
  await screenshot(page, "admin-users");

  const other = await (await browser.newContext()).newPage();
  for (let i = 0; i < 4; i++) {
    await loginAs(other, "lock.test", `Wrong-Password-${i}`);
    await expect(other.getByTestId("login-error")).toContainText("用户名或密码错误");
  }
  // The lock answers as an unknown username does (it would otherwise tell that the account exists).
  await loginAs(other, "lock.test", "Wrong-Password-5");
  await expect(other.getByTestId("login-error")).toContainText("用户名或密码错误");
  await loginAs(other, "lock.test", "Copper-Lantern-47");
  await expect(other.getByTestId("login-error")).toContainText("用户名或密码错误");
  await expect(other).toHaveURL(/\/login$/);
  await screenshot(other, "login-locked");

  // The admin sees the lock.
  await page.reload();
  await expect(page.locator('tr[data-username="lock.test"]')).toContainText("已锁定");
});

test("a disabled user cannot log in and sees why", async ({ page, browser }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  await page.getByLabel("用户名").fill("disable.test");
  await page.getByLabel("姓名").fill("停用测试");
  await page.getByLabel("所属单位").selectOption("42030201");
  await page.getByLabel("初始密码").fill("Copper-Lantern-48");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByText("用户已创建")).toBeVisible();
  page.once("dialog", (d) => d.accept());
  await page.locator('tr[data-username="disable.test"]').getByRole("button", { name: "停用" }).click();
  await expect(page.locator('tr[data-username="disable.test"]')).toContainText("停用");
  await expect(page.locator('tr[data-username="disable.test"]').getByRole("button", { name: "启用" })).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "disable.test", "Copper-Lantern-48");
  await expect(other.getByTestId("login-error")).toContainText("账户已停用");
});

test("a wrong unit code in the unit form gets a clear Chinese message", async ({ page }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  await page.getByRole("link", { name: "单位管理" }).click();
  await expect(page.locator('tr[data-unit="42030201"]')).toContainText("东城开发区派出所");
  await page.getByLabel("上级单位代码").fill("420302");
  await page.getByLabel("单位代码", { exact: true }).fill("42099999");
  await page.getByLabel("单位名称").fill("测试派出所");
  await page.getByRole("button", { name: "新建单位" }).click();
  await expect(page.getByText("派出所代码须为上级分局代码加两位数字")).toBeVisible();
  await page.getByLabel("单位代码", { exact: true }).fill("42030299");
  await page.getByRole("button", { name: "新建单位" }).click();
  await expect(page.getByText("单位已创建")).toBeVisible();
  await expect(page.locator('tr[data-unit="42030299"]')).toContainText("测试派出所");
  await screenshot(page, "admin-units");
});

test("an admin creates an API key, a feed uses it, and revoking it shuts the feed out", async ({ page, playwright }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  await page.getByRole("link", { name: "接口密钥" }).click();
  await page.getByLabel("名称").fill("省厅推送E2E");
  // A feed's key is bound to the sources it may send (SECURITY.md G31).
  await page.getByRole("group", { name: "可推送的来源" }).getByLabel("省厅").check();
  await page.getByRole("button", { name: "新建密钥" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^fz_[0-9a-f]{10}_/);
  await screenshot(page, "admin-api-keys");

  const feed = await playwright.request.newContext({ baseURL: page.url().replace(/\/admin.*$/, ""), extraHTTPHeaders: { authorization: `Bearer ${key}` } });
  const warning = { source: "PROVINCIAL", externalId: `E2E-KEY-${Date.now()}`, riskLevel: "LOW", fraudType: "OTHER", receivedAt: new Date().toISOString(), victim: { phone: "13600001111" }, contact: { channel: "SMS", value: "106900001111" } };
  expect((await feed.post("/api/v1/warnings", { data: warning })).status()).toBe(200);
  const foreign = await feed.post("/api/v1/warnings", { data: { ...warning, source: "NATIONAL", externalId: `${warning.externalId}-N` } });
  expect((await foreign.json()).results[0]).toMatchObject({ status: "rejected", errors: [{ path: "source", code: "source_not_allowed" }] });

  page.once("dialog", (d) => d.accept());
  await page.locator(`tr[data-key="${key.split("_").slice(0, 2).join("_")}"]`).getByRole("button", { name: "吊销" }).click();
  await expect(page.locator(`tr[data-key="${key.split("_").slice(0, 2).join("_")}"]`)).toContainText("已吊销");
  expect((await feed.post("/api/v1/warnings", { data: warning })).status()).toBe(401);
  await feed.dispose();
});

test("an admin changes the SLA ladder, is told plainly what is wrong, and puts it back", async ({ page }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "系统配置" }).click();
  await expect(page.getByRole("heading", { name: "预警处置时限（SLA）" })).toBeVisible();
  const contact = page.getByLabel("高 首次联系", { exact: true });
  await expect(contact).toHaveValue("30");

  // First contact before signing for: refused at the field, nothing saved.
  await contact.fill("5");
  await page.getByRole("button", { name: "保存处置时限" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "输入有误" })).toBeVisible();
  await expect(page.locator("#HIGH\\.contactMinutes-error")).toHaveText("不能早于上一环节的时限");
  await screenshot(page, "admin-settings-error");

  // 45 minutes: saved, and still there after a reload; long steps read in hours and days.
  await contact.fill("45");
  await page.getByRole("button", { name: "保存处置时限" }).click();
  await expect(page.getByTestId("sla-form").getByRole("status")).toHaveText("已保存");
  await expect(page.locator('tr[data-risk="HIGH"]')).toContainText("45 分钟");
  await page.reload();
  await expect(page.getByLabel("高 首次联系", { exact: true })).toHaveValue("45");
  await expect(page.locator('tr[data-risk="LOW"]')).toContainText("7 天");
  await expect(page.locator('tr[data-risk="CRITICAL"]')).toContainText("2 小时");
  await screenshot(page, "admin-settings");

  // Back to the default, for the flows that follow.
  await page.getByLabel("高 首次联系", { exact: true }).fill("30");
  await page.getByRole("button", { name: "保存处置时限" }).click();
  await expect(page.getByTestId("sla-form").getByRole("status")).toHaveText("已保存");
});
