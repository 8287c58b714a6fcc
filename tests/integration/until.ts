import { expect } from "vitest";

/** Waits, looking every 20 ms, until `cond` holds; fails the test when it does not within `ms`. */
export async function until(cond: () => boolean, ms: number): Promise<void> {
  for (const end = Date.now() + ms; !cond() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
  expect(cond()).toBe(true);
}
