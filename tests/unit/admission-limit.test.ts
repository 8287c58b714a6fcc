// The admission gate's limit follows the reads' service time (lib/http/admission.ts): on a
// processor the requests share, serving fewer at once answers each sooner, so what the gate admits
// stays within its budget while the rest is refused with Retry-After. Where fewer at once would
// not be faster (a machine slow for reasons of its own), it refuses nobody.
import { describe, expect, it } from "vitest";
import { AdmissionGate, DEFAULT_ADMISSION } from "@/lib/http/admission";

/**
 * Requests in flight share one processor: each holds it `workMs` times their number when it
 * starts, plus `fixedMs` whatever their number (what a busy neighbour or a cold start costs).
 */
type Cpu = { workMs: number; running: number; fixedMs?: number };

/** A read through the gate on that processor: its time from arrival to answer, or null when refused. */
function read(gate: AdmissionGate, cpu: Cpu): Promise<number | null> {
  const arrived = performance.now();
  return new Promise((resolve) => {
    gate.enter(
      "read",
      (leave) => {
        setTimeout(() => {
          cpu.running--;
          leave();
          resolve(performance.now() - arrived);
        }, (cpu.fixedMs ?? 0) + cpu.workMs * ++cpu.running);
      },
      () => resolve(null),
    );
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

/** Reads arriving every `everyMs` for `n` arrivals: the answered ones' times, and how many were refused. */
async function overload(gate: AdmissionGate, cpu: Cpu, n: number, everyMs: number) {
  const pending: Promise<number | null>[] = [];
  for (let i = 0; i < n; i++) {
    pending.push(read(gate, cpu));
    await sleep(everyMs);
  }
  const times = await Promise.all(pending);
  return { answered: times.filter((t): t is number => t !== null), refused: times.filter((t) => t === null).length };
}

/** `users` people clicking as fast as they are answered, `rounds` reads each. */
async function closedLoop(gate: AdmissionGate, cpu: Cpu, users: number, rounds: number) {
  const times = (await Promise.all(Array.from({ length: users }, async () => {
    const mine: (number | null)[] = [];
    for (let i = 0; i < rounds; i++) mine.push(await read(gate, cpu));
    return mine;
  }))).flat();
  return { answered: times.filter((t): t is number => t !== null), refused: times.filter((t) => t === null).length };
}

describe("the admission limit", () => {
  it("is cut when reads slow down, so what it admits is answered sooner than at a fixed limit", async () => {
    // 50 ms of work each: 20 reads/s at most, whatever the limit; they arrive at 50/s.
    const fixed = new AdmissionGate({ ...DEFAULT_ADMISSION, readTargetMs: 0 });
    const adaptive = new AdmissionGate({ ...DEFAULT_ADMISSION, readTargetMs: 200 });
    const [a, b] = await Promise.all([overload(fixed, { workMs: 50, running: 0 }, 250, 20), overload(adaptive, { workMs: 50, running: 0 }, 250, 20)]);

    expect(fixed.stats.limit).toBe(16);
    expect(fixed.stats.cuts).toBe(0);
    expect(adaptive.stats.cuts).toBeGreaterThan(0);
    expect(adaptive.stats.limit).toBeLessThan(16);
    expect(adaptive.stats.limit).toBeGreaterThanOrEqual(DEFAULT_ADMISSION.minConcurrency);
    // Both refuse part of the overload; the adaptive gate's admitted reads are answered sooner.
    expect(a.refused).toBeGreaterThan(0);
    expect(b.refused).toBeGreaterThan(0);
    expect(p95(b.answered)).toBeLessThan(p95(a.answered) - 150);
    expect(p95(b.answered)).toBeLessThan(1000);
    expect(adaptive.stats.inFlight).toBe(0);
    expect(adaptive.stats.queued).toBe(0);
  }, 15_000);

  it("grows back, about one a round, while reads are fast and the gate is full", async () => {
    const gate = new AdmissionGate({ ...DEFAULT_ADMISSION, readTargetMs: 200 });
    const cpu = { workMs: 60, running: 0 };
    await overload(gate, cpu, 60, 10);
    const cut = gate.stats.limit;
    expect(cut).toBeLessThan(16);

    // Twenty people clicking as fast as they are answered, on a processor now quick.
    cpu.workMs = 1;
    await closedLoop(gate, cpu, 20, 25);
    expect(gate.stats.limit).toBe(16);
  });

  it("is not cut where fewer at once would not be faster: ten users on a machine slow for reasons of its own are all served", async () => {
    // Every read takes 450 ms, over the 300 ms target, however many run: the time is not the crowd's.
    const gate = new AdmissionGate(DEFAULT_ADMISSION);
    const { answered, refused } = await closedLoop(gate, { workMs: 0, running: 0, fixedMs: 450 }, 10, 6);
    expect(refused).toBe(0);
    expect(answered).toHaveLength(60);
    expect(gate.stats.cuts).toBe(0);
    expect(gate.stats.limit).toBe(16);
    expect(gate.stats.readBaseMs).toBeGreaterThanOrEqual(440);
  });

  it("cuts past twice the target whatever the cause: the admitted p95 could not keep its budget", async () => {
    const gate = new AdmissionGate(DEFAULT_ADMISSION);
    await closedLoop(gate, { workMs: 0, running: 0, fixedMs: 650 }, 10, 4);
    expect(gate.stats.cuts).toBeGreaterThan(0);
    expect(gate.stats.limit).toBeLessThan(16);
  });

  it("undoes a cut that made nothing faster: at the floor the reads teach it what a read costs now", async () => {
    const gate = new AdmissionGate({ ...DEFAULT_ADMISSION, readTargetMs: 100 });
    const cpu: Cpu = { workMs: 40, running: 0 };
    await overload(gate, cpu, 150, 10);
    expect(gate.stats.limit).toBeLessThan(8);

    // Now each read takes 150 ms whatever the crowd (over the target): the gate grows back.
    Object.assign(cpu, { workMs: 0, fixedMs: 150 });
    await closedLoop(gate, cpu, 12, 25);
    expect(gate.stats.readBaseMs).toBeGreaterThan(150 / 1.5); // 150 ms is no longer "slowed by the crowd"
    expect(gate.stats.limit).toBeGreaterThanOrEqual(14);
  }, 15_000);

  it("takes no signal from writes: a 5,000-item batch is slow for its size, not for the load", async () => {
    const gate = new AdmissionGate({ ...DEFAULT_ADMISSION, readTargetMs: 100 });
    await Promise.all(Array.from({ length: 20 }, () => new Promise<void>((done) => {
      gate.enter("write", (leave) => setTimeout(() => (leave(), done()), 300), () => done());
    })));
    expect(gate.stats.cuts).toBe(0);
    expect(gate.stats.limit).toBe(16);
  });

  it("bounds reads and bulk by the limit, and leaves writes the ceiling", async () => {
    const gate = new AdmissionGate({ ...DEFAULT_ADMISSION, readTargetMs: 200 });
    await overload(gate, { workMs: 60, running: 0 }, 60, 10);
    expect(gate.stats.limit).toBeLessThan(16);
    // Sixteen writes at once are all admitted at once; a read arriving meanwhile waits for them.
    const releases: (() => void)[] = [];
    for (let i = 0; i < 16; i++) gate.enter("write", (leave) => releases.push(leave), () => {});
    expect(releases).toHaveLength(16);
    let readIn = false;
    gate.enter("read", (leave) => ((readIn = true), leave()), () => {});
    expect(readIn).toBe(false);
    for (const leave of releases) leave();
    expect(readIn).toBe(true);
  });
});
