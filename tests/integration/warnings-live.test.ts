import { beforeAll, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { getDb } from "@/lib/db";
import { ingestWarnings } from "@/lib/warnings/ingest";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { warningBus } from "@/lib/warnings/live";
import type { WarningEvent } from "@/lib/warnings/events";
import { GET as stream, HEARTBEAT_MS } from "@/app/api/v1/warnings/stream/route";
import { makeApiKey, makeUnitTree, warningInput, type TestTree } from "@/tests/factories";

let tree: TestTree;
let feed: Awaited<ReturnType<typeof makeApiKey>>;
beforeAll(async () => {
  tree = await makeUnitTree();
  forgetRoutingTable();
  feed = await makeApiKey(tree.city, ["warnings:ingest"]);
});

describe("live updates", () => {
  it("deliver an ingested warning to listeners through PostgreSQL NOTIFY (any instance)", async () => {
    const bus = warningBus();
    await new Promise<void>((resolve) => {
      const ready = (e: { kind: string }) => e.kind === "resync" && (bus.off("event", ready), resolve());
      bus.on("event", ready);
      setTimeout(() => (bus.off("event", ready), resolve()), 3000);
    });
    const unit = tree.branches[0]!.precincts[0]!;
    const seen = new Promise<WarningEvent>((resolve) => {
      const on = (e: WarningEvent) => {
        if (e.kind === "ingested" && e.counts[unit.id]) {
          bus.off("event", on);
          resolve(e);
        }
      };
      bus.on("event", on);
    });
    await ingestWarnings(feed.actor, [warningInput({ unitCode: unit.code })]);
    await expect(seen).resolves.toEqual({ kind: "ingested", counts: { [unit.id]: 1 } });
  });
});

describe("the live stream", () => {
  it("keeps beating while its key stands, and ends once the key is revoked", async () => {
    const reader = await makeApiKey(tree.city, ["warnings:read"]);
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const res = await stream(new Request("http://localhost/api/v1/warnings/stream", { headers: { authorization: `Bearer ${reader.key}` } }), { params: Promise.resolve({}) });
      expect(res.headers.get("content-type")).toBe("text/event-stream");
      const body = res.body!.getReader();
      const next = async () => {
        const { done, value } = await body.read();
        return done ? null : new TextDecoder().decode(value);
      };
      expect(await next()).toContain('"kind":"hello"');
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      expect(await next()).toBe(": hb\n\n");
      await getDb().apiKey.update({ where: { id: reader.actor.id }, data: { revokedAt: new Date() } });
      await vi.advanceTimersByTimeAsync(HEARTBEAT_MS);
      expect(await next()).toContain('"kind":"signedOut"');
      expect(await next()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("bad input (property-based)", () => {
  const valid = warningInput();
  const paths = ["source", "externalId", "riskLevel", "fraudType", "receivedAt", "victim.phone", "victim.idNumber", "victim.age", "contact.channel", "contact.value", "amountAtRisk", "unitCode", "note"];
  const junk = fc.oneof(fc.string({ maxLength: 3000 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

  it("rejects any mutated field with a field error and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), junk, async (path, value) => {
        const item = structuredClone({ ...valid, externalId: `FUZZ-${Math.random()}` }) as Record<string, unknown>;
        const [head, tail] = path.split(".") as [string, string | undefined];
        if (tail) (item[head] as Record<string, unknown>)[tail] = value;
        else item[head] = value;
        const [r] = await ingestWarnings(feed.actor, [item]).catch((e) => [{ status: "threw", errors: [String(e)] }] as never);
        // A mutation may happen to be valid (e.g. a string that is a fine note); then it is created, never a 5xx.
        if (r!.status === "rejected") {
          expect(r!.errors!.length).toBeGreaterThan(0);
          expect(await getDb().warning.count({ where: { externalId: String(item.externalId) } })).toBe(0);
        } else {
          expect(["created", "repeat"]).toContain(r!.status);
        }
      }),
      { numRuns: 150 },
    );
  });
});
