import { expect, test } from "@playwright/test";
import { signIn, screenshot } from "./helpers";

// The demo's call center reported two calls on open warnings and one matching none
// (prisma/seed/demo-calls.ts): the attached ones are the warnings' 96110 call log entries.
test("the dispatcher sees a call the 96110 call center reported on the warning's timeline, and the calls attached to no warning", async ({ page }) => {
  await signIn(page, "dispatcher");
  const res = await page.request.get("/api/v1/call-events?matched=true");
  expect(res.status()).toBe(200);
  const { calls } = (await res.json()) as { calls: { warningId: string; callId: string }[] };
  const call = calls.find((c) => c.callId.startsWith("DEMO-96110-"));
  expect(call).toBeTruthy();
  await page.goto(`/warnings/${call!.warningId}`);
  const entry = page.getByText(/96110呼叫中心自动记录：外呼，通话\d+分\d+秒/).first();
  await expect(entry).toBeVisible();
  await expect(page.getByText(`呼叫编号 ${call!.callId}`).first()).toBeVisible();
  await entry.scrollIntoViewIfNeeded();
  await screenshot(page, "calls-warning-timeline");

  await page.goto("/handover");
  const unmatched = page.getByTestId("unmatched-calls");
  await expect(unmatched).toContainText("DEMO-96110-9001");
  await expect(unmatched).toContainText(/139\*{4}\d{4}/);
  await unmatched.scrollIntoViewIfNeeded();
  await screenshot(page, "calls-unmatched");
});
