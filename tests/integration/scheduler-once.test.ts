// The SLA scheduler runs once per tick across all app instances (issue 18, item 1): every
// instance's timer fires, exactly one claims the slot and runs the jobs.
import { describe, expect, it } from "vitest";
import { createDb } from "@/lib/db";
import { claimTick, schedulerTick, tickSlot } from "@/lib/scheduler/start";

describe("the scheduler across instances", () => {
  it("runs each tick once, whichever of several instances fires first", async () => {
    const base = tickSlot(Date.now()) + 1_000_000; // slots of its own, clear of the running timers'
    // Six instances at once, each on its own connections, for five slots.
    for (let slot = base; slot < base + 5; slot++) {
      const ran = await Promise.all(Array.from({ length: 6 }, () => claimTick(slot)));
      expect(ran.filter(Boolean)).toHaveLength(1);
    }
    // A slot already run (an instance whose timer lags) is skipped, an earlier one too.
    expect(await claimTick(base + 4)).toBe(false);
    expect(await claimTick(base)).toBe(false);
  });

  it("runs the jobs on one of two instances with clients of their own", async () => {
    const other = createDb(process.env.DATABASE_URL!);
    try {
      const at = (tickSlot(Date.now()) + 2_000_000) * 15_000;
      const [a, b] = await Promise.all([schedulerTick(at), claimTick(tickSlot(at), other)]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
    } finally {
      await other.$disconnect();
    }
  });
});
