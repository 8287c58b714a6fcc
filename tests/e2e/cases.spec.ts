import { expect, test, type Page } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

// An "already paid" victim becomes a case: the investigator takes the report (intake form), submits
// it, a second user (the chief) approves it from their task list, and the case then gets a freeze,
// an arrest, a seizure and a recovery — all of which the case page shows, money exact.

const VICTIM_PHONE = "13871235678";
const VICTIM_ID = "42030219580506124X";
const CARD = "6222021234567890128";

const section = (page: Page, id: string) => page.getByTestId(`section-${id}`);

async function openForm(page: Page, sectionId: string, summary: string) {
  await section(page, sectionId).locator("summary", { hasText: summary }).first().click();
}

test("a report becomes a filed case with a freeze, an arrest, a seizure and a recovery", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await loginAs(page, "investigator");
  await expectLoggedIn(page, "/cases");
  await page.getByRole("link", { name: "新建案件" }).click();
  await expect(page.getByRole("heading", { name: "受理报案" })).toBeVisible();

  // Bad input: Chinese field errors, nothing created.
  const form = page.getByTestId("intake-form");
  await form.getByLabel("诈骗类型").selectOption("IMPERSONATE_OFFICIAL");
  await form.getByLabel("简要案情（被骗经过）").fill("被害人接到自称公安民警电话，称其涉嫌洗钱，要求将存款转入“安全账户”配合调查。");
  const victim = page.getByTestId("victim-0");
  await victim.getByLabel("姓名").fill("王秀兰");
  await victim.getByLabel("联系电话").fill("1387123");
  await victim.getByLabel("身份证号").fill(VICTIM_ID);
  await victim.getByLabel("损失金额（元）").fill("86000.505");
  const account = page.getByTestId("account-0");
  await account.getByLabel("开户银行").fill("中国工商银行");
  await account.getByLabel("户名").fill("李某");
  await account.getByLabel("卡号/账号").fill(CARD);
  await account.getByLabel("转入金额（元）").fill("86000.50");
  await page.getByRole("button", { name: "受理并生成案件编号" }).click();
  await expect(victim.getByText("电话号码格式不正确")).toBeVisible();
  await expect(victim.getByText("金额须为数字，最多两位小数")).toBeVisible();
  await screenshot(page, "cases-intake-errors");

  await victim.getByLabel("联系电话").fill(VICTIM_PHONE);
  await victim.getByLabel("损失金额（元）").fill("86000.50");
  await page.getByRole("button", { name: "受理并生成案件编号" }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = page.url();
  const caseNumber = (await page.getByTestId("case-number").textContent())!.trim();
  expect(caseNumber).toMatch(/^420302-\d{4}-\d{5}$/);
  await expect(page.getByTestId("case-status")).toHaveText("接报");
  await expect(section(page, "freezes")).toContainText("紧急止付 · 已申请");
  await expect(section(page, "victims")).toContainText("138****5678");
  // Masked in the page and in its serialized payload: no full phone, ID or card number anywhere.
  const html = await page.content();
  for (const full of [VICTIM_PHONE, VICTIM_ID, CARD]) expect(html).not.toContain(full);

  // Submit for approval; the submitter cannot approve.
  await page.getByRole("button", { name: "提交立案审批" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("受理待审批");
  await expect(page.getByTestId("approval-note")).toContainText("等待有审批权限的领导审批");
  await expect(page.getByRole("button", { name: "同意立案" })).toHaveCount(0);

  // The chief finds it on their home page and approves it in one click.
  const chief = await (await browser.newContext()).newPage();
  await loginAs(chief, "chief");
  await expectLoggedIn(chief, "/cases");
  const task = chief.getByTestId("approval-tasks").locator(`li[data-case="${caseNumber}"]`);
  await expect(task).toContainText("已等待");
  await screenshot(chief, "cases-approver-home");
  await task.getByRole("button", { name: "同意立案" }).click();
  await expect(chief.getByTestId("approval-tasks").locator(`li[data-case="${caseNumber}"]`)).toHaveCount(0);
  await chief.goto(caseUrl);
  await expect(chief.getByTestId("case-status")).toHaveText("已立案");
  await expect(chief.getByTestId("step-times")).toContainText("审批用时");
  await chief.getByRole("button", { name: "开始侦查" }).click();
  await expect(chief.getByTestId("case-status")).toHaveText("侦查中");

  // Back to the investigator: the bank froze part of the money.
  await page.reload();
  await expect(page.getByTestId("case-status")).toHaveText("侦查中");
  const freeze = section(page, "freezes").locator("li[data-freeze]").first();
  await freeze.locator("summary", { hasText: "登记银行反馈" }).click();
  await freeze.getByLabel("结果").selectOption("PARTIAL");
  await freeze.getByLabel("实际冻结金额（元）").fill("60000.00");
  await freeze.getByRole("button", { name: "登记银行反馈" }).click();
  await expect(freeze).toContainText("部分执行");
  await expect(page.locator('[data-money="held"]')).toContainText("¥60,000.00");

  // A suspect, arrested.
  await openForm(page, "suspects", "添加嫌疑人");
  const suspectForm = page.getByTestId("suspect-form");
  await suspectForm.getByLabel("姓名").fill("赵四海");
  await suspectForm.getByLabel("手机号").fill("13988887777");
  await suspectForm.getByRole("button", { name: "添加嫌疑人" }).click();
  const suspect = section(page, "suspects").locator("li[data-suspect]").first();
  await expect(suspect).toContainText("赵**");
  await expect(suspect).toContainText("在逃");
  await suspect.locator("summary", { hasText: "更新状态" }).click();
  await suspect.getByLabel("新状态").selectOption("ARRESTED");
  await suspect.getByRole("button", { name: "更新状态" }).click();
  await expect(suspect).toContainText("已抓获");

  // A seizure.
  await openForm(page, "items", "登记涉案物品");
  const itemForm = page.getByTestId("item-form");
  await itemForm.getByLabel("类型").selectOption("SIM_CARD");
  await itemForm.getByLabel("数量").fill("120");
  await itemForm.getByLabel("保管地点").fill("茅箭区分局涉案财物管理中心");
  await itemForm.getByRole("button", { name: "登记涉案物品" }).click();
  await expect(page.getByTestId("item-totals")).toContainText("手机卡 120");

  // A recovery, returned to the victim.
  await openForm(page, "recoveries", "登记追回资金");
  const recoveryForm = page.getByTestId("recovery-form");
  await recoveryForm.getByLabel("追回金额").fill("60000.00");
  await recoveryForm.getByLabel("方式").selectOption("FROZEN_FUNDS");
  await recoveryForm.getByLabel("返还被害人").selectOption({ index: 1 });
  await recoveryForm.getByLabel("返还金额").fill("60000.00");
  await recoveryForm.getByLabel("返还时间").fill(await recoveryForm.getByLabel("追回时间").inputValue());
  await recoveryForm.getByRole("button", { name: "登记追回资金" }).click();
  await expect(section(page, "recoveries").locator("tr[data-recovery]")).toHaveCount(1);

  // The page shows it all, side by side and on the timeline.
  const money = page.getByTestId("money-summary");
  await expect(money.locator('[data-money="loss"]')).toContainText("¥86,000.50");
  await expect(money.locator('[data-money="held"]')).toContainText("¥60,000.00");
  await expect(money.locator('[data-money="recovered"]')).toContainText("¥60,000.00");
  await expect(money.locator('[data-money="returned"]')).toContainText("¥60,000.00");
  const timeline = page.getByTestId("timeline");
  for (const text of ["接报立档（110 报警）", "提交立案审批", "审批同意立案", "状态：已立案 → 侦查中", "紧急止付部分执行", "嫌疑人 赵**：在逃 → 已抓获", "扣押手机卡 120 件", "追回资金 ¥60,000.00（冻结资金返还）"]) {
    await expect(timeline).toContainText(text);
  }
  await expect(timeline).toContainText("周建国"); // the chief approved
  await screenshot(page, "cases-detail");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "tests/e2e/screenshots/cases-detail-top.png" });
  for (const id of ["freezes", "suspects", "recoveries", "timeline"]) {
    await section(page, id).screenshot({ path: `tests/e2e/screenshots/cases-detail-${id}.png` });
  }
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: "tests/e2e/screenshots/cases-detail-phone.png" });
  await page.setViewportSize({ width: 1440, height: 900 });

  // A full phone number only through the audited reveal, with a reason.
  page.once("dialog", (d) => void d.accept("核实被害人身份，联系返还事宜"));
  await section(page, "victims").locator("tr[data-victim]").first().getByRole("button", { name: "查看完整信息" }).nth(1).click();
  await expect(section(page, "victims")).toContainText(VICTIM_PHONE);

  // The list finds the case by the victim's phone tail and the account tail.
  await page.goto(`/cases?victimPhone=5678&account=${CARD.slice(-4)}`);
  await expect(page.locator(`tr[data-case="${caseNumber}"]`)).toContainText("侦查中");
  await screenshot(page, "cases-list");
});

test("another branch's officer gets not found for the case, and sees no approval tasks", async ({ page }) => {
  await loginAs(page, "investigator");
  await expectLoggedIn(page, "/cases");
  const href = await page.getByTestId("cases-table").locator("tbody tr a").first().getAttribute("href");
  const other = await (await page.context().browser()!.newContext()).newPage();
  await loginAs(other, "officer2");
  await expectLoggedIn(other, "/field");
  const res = await other.goto(href!);
  expect(res?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await other.goto("/cases");
  await expect(other.getByTestId("approval-tasks")).toHaveCount(0);
  await expect(other.getByRole("link", { name: "新建案件" })).toHaveCount(0);
});

test("the approver's own submission waits for someone else (two-person rule)", async ({ page }) => {
  await loginAs(page, "chief");
  await expectLoggedIn(page, "/cases");
  await page.getByRole("link", { name: "新建案件" }).click();
  const form = page.getByTestId("intake-form");
  await form.getByLabel("报案方式").selectOption("WALK_IN");
  await form.getByLabel("诈骗类型").selectOption("REBATE_TASK");
  await form.getByLabel("简要案情（被骗经过）").fill("被害人在网上兼职刷单，先得小额返利，后按要求垫付大额资金无法提现。");
  await page.getByTestId("victim-0").getByLabel("姓名").fill("陈晓");
  await page.getByTestId("victim-0").getByLabel("损失金额（元）").fill("3200");
  await page.getByTestId("account-0").getByRole("button", { name: "移除" }).click();
  await page.getByRole("button", { name: "受理并生成案件编号" }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseNumber = (await page.getByTestId("case-number").textContent())!.trim();
  await expect(page.getByTestId("money-summary").locator('[data-money="loss"]')).toContainText("¥3,200.00");
  await page.getByRole("button", { name: "提交立案审批" }).click();
  await expect(page.getByTestId("approval-note")).toContainText("两人审批制");
  await expect(page.getByRole("button", { name: "同意立案" })).toHaveCount(0);
  await expect(page.getByTestId("step-NOT_FILED")).toHaveCount(0);
  await page.goto("/cases");
  await expect(page.getByTestId("approval-tasks")).toBeVisible();
  await expect(page.getByTestId("approval-tasks").locator(`li[data-case="${caseNumber}"]`)).toHaveCount(0);
});

test("a demo case's history reads in full, and gangs and seized items sum up per unit", async ({ page }) => {
  await loginAs(page, "investigator");
  await expectLoggedIn(page, "/cases");
  await page.goto("/cases?status=PROSECUTED");
  await page.getByTestId("cases-table").locator("tbody tr a").first().click();
  await expect(page.getByTestId("case-status")).toHaveText("移送起诉");
  const timeline = page.getByTestId("timeline");
  await expect(timeline).toContainText("接报立档");
  await expect(timeline).toContainText("状态：已破案 → 移送起诉");
  await expect(timeline).not.toContainText("{"); // every event has its message and values
  // Closing asks first; then nothing more can be added.
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId("case-actions").getByRole("button", { name: "结案" }).click();
  await expect(page.getByTestId("case-status")).toHaveText("结案");
  await expect(page.getByTestId("case-actions").getByRole("button")).toHaveCount(0);
  await expect(page.getByText("案件已结案或不予立案，不能再添加记录。")).toBeVisible();
  await expect(page.getByText("登记涉案物品")).toHaveCount(0);
  await expect(timeline).toContainText("状态：移送起诉 → 结案");
  await screenshot(page, "cases-demo-closed");

  await page.goto("/cases/gangs");
  await expect(page.locator("[data-gang]").first()).toContainText("团伙");
  await screenshot(page, "cases-gangs");
  await page.goto("/cases/seized");
  await expect(page.getByTestId("seized-table").locator('tr[data-unit="420302"]')).toBeVisible();
  await screenshot(page, "cases-seized");
});

test("an investigator completes a case's facts and a victim's loss, then transfers it and lands on the list", async ({ page }) => {
  await loginAs(page, "investigator");
  await expectLoggedIn(page, "/cases");
  await page.getByRole("link", { name: "新建案件" }).click();
  const form = page.getByTestId("intake-form");
  await form.getByLabel("报案方式").selectOption("WALK_IN");
  await form.getByLabel("诈骗类型").selectOption("OTHER");
  await form.getByLabel("简要案情（被骗经过）").fill("被害人来所报案，称被骗，经过待核实。");
  await page.getByTestId("victim-0").getByLabel("姓名").fill("周玉兰");
  await page.getByTestId("victim-0").getByLabel("损失金额（元）").fill("1");
  await page.getByTestId("account-0").getByRole("button", { name: "移除" }).click();
  await page.getByRole("button", { name: "受理并生成案件编号" }).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseNumber = (await page.getByTestId("case-number").textContent())!.trim();

  // The facts: type and account of events.
  const facts = page.getByTestId("edit-facts");
  await facts.locator("summary").click();
  await facts.getByLabel("诈骗类型").selectOption("IMPERSONATE_OFFICIAL");
  await facts.getByLabel("简要案情").fill("被害人接到冒充公安的电话，称其涉嫌洗钱，按指示向“安全账户”转账 52,000 元。");
  await facts.getByRole("button", { name: "保存案情" }).click();
  await expect(page.locator("p", { hasText: "被害人接到冒充公安的电话" })).toBeVisible();

  // The victim's loss: the case's loss follows, the timeline says what changed.
  const victim = section(page, "victims").getByTestId("edit-victim").first();
  await victim.locator("summary").click();
  await victim.getByLabel("损失金额（元）").fill("52000");
  await victim.getByLabel("年龄").fill("71");
  await victim.getByRole("button", { name: "保存更正" }).click();
  await expect(page.getByTestId("money-summary").locator('[data-money="loss"]')).toContainText("¥52,000.00");
  await expect(page.getByTestId("timeline")).toContainText("更正被害人");
  await expect(page.getByTestId("timeline")).toContainText("¥1.00 → ¥52,000.00");
  await screenshot(page, "cases-facts-corrected");

  // 流转 to another branch: back to the list, which says where it went.
  const transfer = page.getByTestId("transfer");
  await transfer.locator("summary").click();
  await transfer.getByLabel("接收单位").selectOption("420303");
  await transfer.getByLabel("流转原因").fill("嫌疑人在张湾区落脚，移交侦办");
  await transfer.getByRole("button", { name: "流转" }).click();
  await expect(page).toHaveURL(/\/cases\?transferred=/);
  await expect(page.getByTestId("transfer-notice")).toHaveText(`案件 ${caseNumber} 已流转至 张湾区分局`);
  await screenshot(page, "cases-transferred");
});
