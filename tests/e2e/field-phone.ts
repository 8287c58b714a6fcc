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
 * label row), and no text under 12 px (form fields at 16 px, so the phone does not zoom into them).
 */
export async function expectPhoneFriendly(page: Page) {
  const report = await page.evaluate(() => {
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
      if (size < 12) tiny.push(`${el.tagName.toLowerCase()} ${size}px "${el.textContent!.trim().slice(0, 20)}"`);
    }
    const fields: string[] = [];
    for (const el of main.querySelectorAll("input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea")) {
      if (visible(el) && parseFloat(getComputedStyle(el).fontSize) < 16) fields.push((el as HTMLInputElement).name);
    }
    return { overflow, small, tiny, fields };
  });
  expect(report.overflow, "horizontal scrolling").toBeLessThanOrEqual(0);
  expect(report.small, "tap targets under 44 px").toEqual([]);
  expect(report.tiny, "text under 12 px").toEqual([]);
  expect(report.fields, "form fields under 16 px (the phone would zoom)").toEqual([]);
}
