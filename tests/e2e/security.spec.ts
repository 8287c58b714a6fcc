import { expect, test, type Page } from "@playwright/test";
import { authenticator } from "otplib";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

// Second factor end to end, the auditor's trail, and the hardening a browser (or an attacker's
// script) meets: headers on every answer, cross-site writes refused, cookie flags, no storage.

const USER = "mfa.admin";
const PASSWORD = "Harbor-Quartz-582";
let secret = "";

/**
 * A code of the next time step, as a phone whose clock runs a little ahead shows it (the drift
 * window accepts it): later than the step the enrolment used, so not refused as used, without
 * waiting up to 30 s for the clock.
 */
const nextStepCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

async function submitOtp(page: Page, code: string) {
  await page.getByTestId("otp-input").fill(code);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

test.describe.configure({ mode: "serial" });

test("an admin enrols a second factor and signs in with a code; a used or wrong code fails", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  const form = page.getByTestId("create-user");
  await form.getByLabel("用户名").fill(USER);
  await form.getByLabel("姓名").fill("双因素测试");
  await form.getByLabel("角色").selectOption("ADMIN");
  await form.getByLabel("所属单位").selectOption("420300");
  await form.getByRole("button", { name: "新建用户" }).click();
  // The first password is the server's, shown once.
  const FIRST_PASSWORD = (await page.getByTestId("one-time-password").textContent())!.trim();

  // First login: the initial password must be changed before anything else.
  const user = await (await browser.newContext()).newPage();
  await loginAs(user, USER, FIRST_PASSWORD);
  await expect(user).toHaveURL(/\/account\/password$/);
  await expect(user.getByTestId("password-notice")).toContainText("首次登录");
  await user.goto("/admin/users");
  await expect(user).toHaveURL(/\/account\/password$/);
  await screenshot(user, "account-password-forced");
  await user.getByLabel("当前密码").fill(FIRST_PASSWORD);
  await user.getByLabel("新密码", { exact: true }).fill(PASSWORD);
  await user.getByLabel("确认新密码").fill(PASSWORD);
  await user.getByRole("button", { name: "修改密码" }).click();
  await expectLoggedIn(user, "/admin/users");

  // Enrolment from the account page: QR code and key, a code from the app, recovery codes once.
  await user.getByRole("link", { name: "账户安全" }).click();
  await expect(user.getByTestId("mfa-status")).toContainText("尚未启用");
  await user.getByRole("button", { name: "开始绑定" }).click();
  await expect(user.getByTestId("totp-qr")).toBeVisible();
  secret = (await user.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screenshot(user, "account-security-qr");
  await user.getByLabel("6 位验证码").fill(authenticator.generate(secret));
  await user.getByRole("button", { name: "确认绑定" }).click();
  await expect(user.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  await screenshot(user, "account-recovery-codes");
  await user.getByRole("button", { name: "我已保存恢复码，继续" }).click();
  await expect(user.getByTestId("mfa-status")).toContainText("已启用双因素认证");
  await user.getByRole("button", { name: "退出登录" }).click();
  await expect(user).toHaveURL(/\/login$/);

  // The password alone now asks for the code; a wrong one is refused; the right one signs in.
  await loginAs(user, USER, PASSWORD);
  await expect(user.getByTestId("otp-input")).toBeVisible();
  await expect(user.getByTestId("login-error")).toHaveCount(0);
  await screenshot(user, "login-otp");
  const code = nextStepCode(secret);
  await submitOtp(user, code === "000000" ? "111111" : "000000");
  await expect(user.getByTestId("login-error")).toHaveText("动态验证码错误或已使用。");
  await submitOtp(user, code);
  await expectLoggedIn(user, "/admin/users");
  await user.getByRole("button", { name: "退出登录" }).click();
  await expect(user).toHaveURL(/\/login$/);

  // The same code again (same time step) is refused.
  await loginAs(user, USER, PASSWORD);
  await submitOtp(user, code);
  await expect(user.getByTestId("login-error")).toHaveText("动态验证码错误或已使用。");
  await screenshot(user, "login-otp-reused");

  // The other admin sees the factor and can reset it.
  await page.reload();
  const row = page.locator(`tr[data-username="${USER}"]`);
  await expect(row.getByTestId("user-mfa")).toHaveText("已启用");
  await screenshot(page, "admin-users-mfa");
  page.once("dialog", (d) => d.accept());
  await row.getByRole("button", { name: "重置双因素" }).click();
  await expect(row.getByTestId("user-mfa")).toHaveText("未启用");
});

test("the auditor filters the trail, opens a record and exports", async ({ page }) => {
  await loginAs(page, "auditor");
  await expectLoggedIn(page, "/audit");
  await expect(page.getByTestId("chain-status")).toContainText("完整");
  await page.getByLabel("操作人账号").fill(USER);
  // The action is picked from the known actions, named in Chinese.
  await page.getByLabel("操作类型").selectOption({ label: "双因素验证" });
  await page.getByLabel("结果").selectOption("false");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/actor=mfa\.admin/);
  await expect(page).toHaveURL(/action=auth\.mfa(&|$)/);
  const rows = page.getByTestId("audit-table").locator("tbody tr");
  await expect(rows.first()).toContainText("双因素验证");
  await expect(rows.first()).toContainText("auth.mfa");
  await expect(rows.first()).toContainText("失败");
  // The account it concerns by name, and a plain IP.
  await expect(rows.first()).toContainText(`用户 · ${USER}`);
  expect(await page.getByTestId("audit-table").textContent()).not.toContain("::ffff:");
  await screenshot(page, "audit-list");
  await rows.first().getByRole("link", { name: "查看" }).click();
  await expect(page.getByTestId("record-hash")).toContainText("一致");
  await expect(page.getByTestId("audit-record")).toContainText('"reason"');
  await screenshot(page, "audit-record");

  const csv = await page.request.get(`/audit/export?actor=${USER}&format=csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("auth.mfa");
});

test("the admin cannot open the audit trail (三员分立)", async ({ page }) => {
  await loginAs(page, "admin");
  await expectLoggedIn(page, "/admin/users");
  expect((await page.goto("/audit"))?.status()).toBe(404);
  expect((await page.request.get("/audit/export?format=csv")).status()).toBe(403);
});

const HEADERS = (h: Record<string, string>) => {
  expect(h["content-security-policy"], "CSP").toContain("frame-ancestors 'none'");
  expect(h["content-security-policy"]).not.toContain("unsafe-eval");
  expect(h["content-security-policy"]).toMatch(/'nonce-/);
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["x-powered-by"]).toBeUndefined();
};

test("every answer carries the security headers, errors included", async ({ request }) => {
  const cases: [string, Record<string, string>, number[]][] = [
    ["/login", {}, [200]],
    ["/warnings", {}, [307]],
    ["/api/health", {}, [200]],
    ["/api/v1/warnings", {}, [401]],
    ["/api/v1/no-such-thing", {}, [404]],
    ["/api/v1/warnings/not-a-uuid", { authorization: "Bearer fz_0000000000_invalidinvalidinvalid" }, [401]],
    ["/no/such/page", { cookie: "next-auth.session-token=forged" }, [307, 404]],
    ["/login", { "next-action": "0".repeat(42), "content-type": "text/plain" }, [403]],
  ];
  for (const [path, headers, statuses] of cases) {
    const method = headers["next-action"] ? "post" : "get";
    const res = await request[method](path, { headers, maxRedirects: 0, data: method === "post" ? "[]" : undefined });
    expect(statuses, `${method} ${path}`).toContain(res.status());
    HEADERS(res.headers());
    if (res.status() !== 307) expect(res.headers()["cache-control"]).toContain("no-store");
  }
});

test("x-middleware-subrequest gains nothing", async ({ request }) => {
  for (const value of ["proxy:proxy:proxy:proxy:proxy", "middleware:middleware:middleware:middleware:middleware", "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware"]) {
    const page = await request.get("/admin/users", { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
    expect(page.status(), value).toBe(307);
    expect(page.headers().location).toMatch(/\/login$/);
    expect((await request.get("/api/v1/warnings", { headers: { "x-middleware-subrequest": value } })).status()).toBe(401);
  }
});

test("a cross-site write with the session cookie is refused; the cookie is HttpOnly and SameSite; nothing is stored", async ({ page, context }) => {
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  const session = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  const event = { kind: "LECTURE", targetGroup: "ELDERLY", title: "跨站测试", occurredOn: new Date().toISOString().slice(0, 10), audienceCount: 1 };
  const evil = await page.request.post("/api/v1/publicity-events", { data: event, headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
  expect(evil.status()).toBe(403);
  const own = await page.request.post("/api/v1/publicity-events", { data: event, headers: { origin: new URL(page.url()).origin } });
  expect(own.status()).toBe(201);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
});

test("a foreign or oversized server action is answered 403 / 413 before it runs, not with an error", async ({ page }) => {
  await loginAs(page, "officer");
  await expectLoggedIn(page, "/field");
  const origin = new URL(page.url()).origin;
  const action = (headers: Record<string, string>, data = "[]") =>
    page.request.post("/field", { headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", ...headers }, data, maxRedirects: 0 });
  expect((await action({ origin: "https://evil.example" })).status()).toBe(403);
  expect((await action({ origin: "https://evil.example", "sec-fetch-site": "cross-site" })).status()).toBe(403);
  expect((await action({})).status()).toBe(403);
  const big = await action({ origin }, `["${"x".repeat(1_100_000)}"]`);
  expect(big.status()).toBe(413);
  expect(await big.text()).not.toMatch(/digest/i);
});

test("the client IP in the audit trail is the connection's, whatever X-Forwarded-For says", async ({ browser, page }) => {
  const forger = await (await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } })).newPage();
  await loginAs(forger, "forged.ip", "Wrong-Password-1");
  await expect(forger.getByTestId("login-error")).toContainText("用户名或密码错误");

  await loginAs(page, "auditor");
  await expectLoggedIn(page, "/audit");
  await page.getByLabel("操作人账号").fill("forged.ip");
  await page.getByRole("button", { name: "筛选" }).click();
  const row = page.getByTestId("audit-table").locator("tbody tr").first();
  await expect(row).toContainText("auth.login");
  await expect(row).not.toContainText("203.0.113.77");
  await expect(row).toContainText(/127\.0\.0\.1|::1/);
});
