// Phone-size helpers of the field e2e specs: a Chromium "phone" (only Chromium is installed, so no
// devices["iPhone …"], which are WebKit) and the checks every field screen must pass.
import { expect, type Page } from "@playwright/test";

export const PHONE = {
  viewport: { width: 375, height: 812 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36",
};

/**
 * What a phone user needs of the page's own content (the <main> element): no horizontal
 * scrolling, every tap target at least 44 px high and wide (a checkbox or radio counts by its
 * label row), and no text under 14 px on an officer's page (issue 12.14; form fields at 16 px, so
 * the phone does not zoom into them).
 */
export async function expectPhoneFriendly(page: Page, minFontPx = 14) {
  const report = await page.evaluate((minFont) => {
    const main = document.querySelector("main")!;
    const overflow = document.documentElement.scrollWidth - window.innerWidth;
    const small: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
    };
    for (const el of main.querySelectorAll("a, button, input, select, textarea")) {
      if (!visible(el) || (el as HTMLInputElement).type === "hidden") continue;
      const box = (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox") ? el.closest("label") ?? el : el).getBoundingClientRect();
      if (box.height < 44 || box.width < 44) small.push(`${el.tagName.toLowerCase()} "${(el.textContent || (el as HTMLInputElement).name || "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    const tiny: string[] = [];
    for (const el of main.querySelectorAll("*")) {
      if (!visible(el) || ![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minFont) tiny.push(`${el.tagName.toLowerCase()} ${size}px "${el.textContent!.trim().slice(0, 20)}"`);
    }
    const fields: string[] = [];
    for (const el of main.querySelectorAll("input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea")) {
      if (visible(el) && parseFloat(getComputedStyle(el).fontSize) < 16) fields.push((el as HTMLInputElement).name);
    }
    return { overflow, small, tiny, fields };
  }, minFontPx);
  expect(report.overflow, "horizontal scrolling").toBeLessThanOrEqual(0);
  expect(report.small, "tap targets under 44 px").toEqual([]);
  expect(report.tiny, `text under ${minFontPx} px`).toEqual([]);
  expect(report.fields, "form fields under 16 px (the phone would zoom)").toEqual([]);
}

/** The tallest the page's header may be on a phone: one row (it was ~230 px before issue 12.14). */
export const PHONE_HEADER_MAX_PX = 64;

/**
 * The officer's frame on a phone: a one-row header, the bottom tab bar with the officer's main
 * pages (each a 44 px target, 14 px text), the current one marked, and no page content hidden
 * under the bar.
 */
export async function expectOfficerFrame(page: Page, activeTab: string) {
  const header = await page.getByTestId("app-header").boundingBox();
  expect(header, "the header").not.toBeNull();
  expect(header!.y + header!.height, "the header's bottom edge").toBeLessThanOrEqual(PHONE_HEADER_MAX_PX);
  const tabs = page.getByRole("navigation", { name: "底部导航" });
  await expect(tabs).toBeVisible();
  expect(await tabs.locator("[data-tab]").evaluateAll((ls) => ls.map((l) => l.getAttribute("data-tab")))).toEqual(["tasks", "intercept", "precinct", "publicity", "cases"]);
  await expect(tabs.locator('[aria-current="page"]')).toHaveAttribute("data-tab", activeTab);
  const report = await tabs.evaluate((nav) => {
    const out: string[] = [];
    for (const a of nav.querySelectorAll("a")) {
      const r = a.getBoundingClientRect();
      const size = parseFloat(getComputedStyle(a.querySelector("span")!).fontSize);
      if (r.height < 44 || r.width < 44 || size < 14) out.push(`${a.textContent} ${Math.round(r.width)}×${Math.round(r.height)} ${size}px`);
    }
    const bar = nav.getBoundingClientRect();
    const main = document.querySelector("main")!;
    const padding = parseFloat(getComputedStyle(main).paddingBottom);
    return { out, covered: padding < bar.height, barTop: bar.top, viewport: window.innerHeight };
  });
  expect(report.out, "tabs under 44 px or 14 px").toEqual([]);
  expect(report.covered, "the page's end hidden under the tab bar").toBe(false);
  expect(Math.round(report.barTop + 1), "the tab bar at the bottom of the screen").toBeGreaterThanOrEqual(report.viewport - 80);
}
