import { describe, expect, it } from "vitest";
import { uuidv7 } from "@/lib/ids";

describe("uuidv7", () => {
  it("is a version-7 UUID carrying its millisecond", () => {
    const id = uuidv7(Date.UTC(2026, 10, 29, 4, 0, 0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 29, 4, 0, 0));
  });

  it("never repeats, across many refills of the random pool, and sorts by time", () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});
