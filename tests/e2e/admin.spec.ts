import { expect, test, type Page } from "@playwright/test";
import { delayScripts, expectLoggedIn, loginAs, screenshot } from "./helpers";

/** Creates an account in the admin's form; answers the one-time password the page shows once. */
async function createAccount(page: Page, username: string, role: string, unitCode: string): Promise<string> {
  const form = page.getByTestId("create-user");
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill(`测试${username}`);
  await form.getByLabel("角色").selectOption(role);
  await form.getByLabel("所属单位").selectOption(unitCode);
  await form.getByRole("button", { name: "新建用户" }).click();
  const password = (await page.getByTestId("one-time-password").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
  return password;
}

test("an admin creates a user who is locked out after five wrong passwords", async ({ page, browser }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");

  // A bad username is refused with the reason, nothing is created.
  await page.getByLabel("用户名").fill("lock test!");
  await page.getByLabel("姓名").fill("锁定测试");
  await page.getByRole("button", { name: "新建用户" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "输入有误" })).toBeVisible();
  await expect(page.getByText("只能包含字母、数字和 _ . -")).toBeVisible();
  await screenshot(page, "admin-users-error");

  // The first password is the server's, shown once (a leader reads no personal data: no approval).
  const password = await createAccount(page, "lock.test", "LEADER", "42030202");
  await expect(page.getByTestId("approval-pending")).toHaveCount(0);
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
  await loginAs(other, "lock.test", password);
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
  const password = await createAccount(page, "disable.test", "LEADER", "42030201");
  page.once("dialog", (d) => d.accept());
  await page.locator('tr[data-username="disable.test"]').getByRole("button", { name: "停用" }).click();
  await expect(page.locator('tr[data-username="disable.test"]')).toContainText("停用");
  await expect(page.locator('tr[data-username="disable.test"]').getByRole("button", { name: "启用" })).toBeVisible();

  const other = await (await browser.newContext()).newPage();
  await loginAs(other, "disable.test", password);
  await expect(other.getByTestId("login-error")).toContainText("账户已停用");
});

test("三员分立: the admin proposes a dispatcher, who cannot sign in until the security officer approves", async ({ page, browser }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  const password = await createAccount(page, "sod.dispatcher", "DISPATCHER", "420300FZ");
  await expect(page.getByTestId("approval-pending")).toContainText("须经审批后方可登录");
  await expect(page.locator('tr[data-username="sod.dispatcher"]')).toContainText("待审批");

  const newcomer = await (await browser.newContext()).newPage();
  await loginAs(newcomer, "sod.dispatcher", password);
  await expect(newcomer.getByTestId("login-error")).toContainText("等待安全保密管理员审批");

  const sec = await (await browser.newContext()).newPage();
  await loginAs(sec, "secofficer");
  await expectLoggedIn(sec, "/approvals");
  const row = sec.getByTestId("pending-proposals").locator('tr[data-subject="sod.dispatcher"]');
  await expect(row).toContainText("新建账号");
  await expect(row).toContainText("研判调度员");
  await expect(row).toContainText("王敏（admin）");
  await screenshot(sec, "approvals");
  sec.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "批准" }).click();
  await expect(sec.getByTestId("decided-proposals").locator('tr[data-subject="sod.dispatcher"]')).toContainText("已批准");
  await screenshot(sec, "approvals-decided");

  // Approved: the one-time password signs in, straight to the forced change.
  await loginAs(newcomer, "SOD.Dispatcher", password);
  await expect(newcomer).toHaveURL(/\/account\/password$/);
});

test("an admin finds a user, resets their password, moves them, and proposes a PII role, which holds the account until approved", async ({ page, browser }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  await createAccount(page, "role.test", "LEADER", "420300");

  await page.getByRole("searchbox", { name: "按账号或名字查找" }).fill("ROLE.TEST");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/q=ROLE.TEST/);
  await expect(page.getByTestId("users-total")).toHaveText("共 1 个用户");
  const row = () => page.locator('tr[data-username="role.test"]');

  // A leader's password reset applies at once: the one-time password signs in, to the forced change.
  page.once("dialog", (d) => d.accept());
  await row().getByRole("button", { name: "重置密码" }).click();
  const reset = (await row().getByTestId("one-time-password").textContent())!.trim();
  await screenshot(page, "admin-users-reset");
  const user = await (await browser.newContext()).newPage();
  await loginAs(user, "role.test", reset);
  await expect(user).toHaveURL(/\/account\/password$/);

  // A leader reads no record: a unit change is applied at once.
  await page.reload();
  await row().getByText("调整角色/单位").click();
  await row().getByLabel("所属单位").selectOption("42030202");
  await row().getByRole("button", { name: "保存调整" }).click();
  await expect(row().getByText("已调整", { exact: true })).toBeVisible();
  await page.reload();
  await expect(row()).toContainText("朝阳派出所");

  // Into a role that reads personal data: proposed, not applied.
  await row().getByText("调整角色/单位").click();
  await row().getByLabel("角色").selectOption("OFFICER");
  await row().getByRole("button", { name: "保存调整" }).click();
  await expect(row().getByRole("status")).toHaveText("已提交审批，审批通过后生效");
  await page.reload();
  await expect(row()).toContainText("局领导");
  await expect(row()).toContainText("有待审批的申请");

  // While it waits, the account changes no further: a reset is refused, saying why.
  page.once("dialog", (d) => d.accept());
  await row().getByRole("button", { name: "重置密码" }).click();
  await expect(row().getByRole("alert")).toContainText("已有待审批的申请");
  await expect(row().getByTestId("one-time-password")).toHaveCount(0);
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

  // Until React runs, 吊销 waits: a press would post the form natively and skip the question.
  const row = page.locator(`tr[data-key="${key.split("_").slice(0, 2).join("_")}"]`);
  const restoreScripts = await delayScripts(page);
  await page.reload({ waitUntil: "commit" });
  await expect(row.getByRole("button", { name: "吊销" })).toBeDisabled();
  await restoreScripts();
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "吊销" }).click();
  await expect(row).toContainText("已吊销");
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
