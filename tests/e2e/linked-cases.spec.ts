import { expect, test } from "@playwright/test";
import { expectLoggedIn, loginAs, screenshot } from "./helpers";

// 串并案 on the demo data: two open cases of 茅箭区 share a fraudster's phone (17088886666) with
// four warnings. The investigator finds it in the cluster list, sees "appears in N others" on a
// case, opens the cluster (graph and tables), and proposes 并案; the chief confirms it.

const PHONE = "17088886666";

test("an investigator finds a shared contact, proposes 并案 and the chief confirms", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await loginAs(page, "investigator");
  await expectLoggedIn(page, "/cases");
  await page.locator('[data-nav="links"]').first().click();
  await expect(page).toHaveURL(/\/cases\/links$/);
  await expect(page.getByRole("heading", { name: "串并案" })).toBeVisible();
  await page.getByLabel("类型").selectOption("PHONE");
  await page.getByRole("button", { name: "筛选" }).click();
  const row = page.getByTestId("cluster-list").locator("tr", { hasText: PHONE });
  await expect(row).toBeVisible();
  await expect(page.getByTestId("cluster-period")).toHaveText(/^统计期间：\d{4}\/\d{1,2}\/\d{1,2} 至 \d{4}\/\d{1,2}\/\d{1,2}$/);
  await screenshot(page, "links-list");

  // The cluster of the list's days: the contact, its cases and warnings; then one case of it.
  await row.getByRole("link", { name: PHONE }).click();
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByText(/^统计期间：.* 条预警、2 起案件共用此联系方式/)).toBeVisible();
  await expect(page.getByTestId("cluster-graph")).toBeVisible();
  const caseLinks = page.getByTestId("cluster-cases").locator("tbody a");
  await expect(caseLinks).toHaveCount(2);
  const [first, second] = [(await caseLinks.nth(0).textContent())!.trim(), (await caseLinks.nth(1).textContent())!.trim()];
  await caseLinks.nth(0).click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  const caseUrl = page.url();

  // "This contact appears in N other warnings and 1 case", one click to the cluster.
  const contacts = page.getByTestId("section-contacts");
  const item = contacts.locator("li", { hasText: PHONE });
  await expect(item.getByTestId("contact-appears")).toHaveText(/本辖区另见于 [1-9]\d* 条预警、1 起案件/);
  await item.scrollIntoViewIfNeeded();
  await screenshot(page, "links-case-contacts");
  await item.getByTestId("open-cluster").click();
  await expect(page.getByTestId("cluster-graph")).toBeVisible();
  await expect(page.getByTestId("cluster-warnings").locator("tbody tr")).not.toHaveCount(0);
  await screenshot(page, "links-cluster");

  // 并案: proposed with a reason; the proposer cannot decide it.
  await page.goto(caseUrl);
  const links = page.getByTestId("section-links");
  await links.locator("summary", { hasText: "提请并案" }).click();
  const form = page.getByTestId("link-form");
  await expect(form.getByLabel("并入案件")).toContainText(second);
  const value = await form.getByLabel("并入案件").locator("option", { hasText: second }).getAttribute("value");
  await form.getByLabel("并入案件").selectOption(value!);
  await form.getByLabel("并案理由").fill("同一诈骗电话 17088886666，同一“投资导师”话术");
  await form.getByRole("button", { name: "提请并案" }).click();
  // Saved: the form folds away and the proposal shows as pending, with no decision for its proposer.
  await expect(page.getByTestId("link-proposals").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("link-proposals").getByRole("button", { name: "确认并案" })).toHaveCount(0);

  // The chief confirms from the cluster view's pending list.
  const chief = await (await browser.newContext()).newPage();
  await loginAs(chief, "chief");
  await expectLoggedIn(chief, "/cases");
  await chief.goto("/cases/links");
  const proposal = chief.getByTestId("link-proposals").locator("li", { hasText: first });
  await expect(proposal).toContainText(second);
  await screenshot(chief, "links-chief-pending");
  await proposal.getByRole("button", { name: "确认并案" }).click();
  await expect(chief.getByTestId("link-proposals").locator("li", { hasText: first })).toHaveCount(0);
  await chief.goto(caseUrl);
  await expect(chief.getByTestId("linked-cases")).toContainText(second);
  await expect(chief.getByTestId("section-timeline")).toContainText("确认并案");
  await screenshot(chief, "links-case-linked");
});
