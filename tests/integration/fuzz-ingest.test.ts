// SECURITY.md C12, C15, F25 for the ingestion API (POST /api/v1/warnings): a batch holding one
// mutated item answers per item — the mutated one "rejected" exactly when the item schema refuses
// it or it holds text the database cannot store, and then nothing of it is written — while the
// valid item beside it goes in. Never a 5xx.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { unsafeTextIssues } from "@/lib/security/text";
import { ingestWarningSchema } from "@/lib/warnings/schemas";
import { forgetRoutingTable } from "@/lib/units/jurisdiction";
import { POST } from "@/app/api/v1/warnings/route";
import { makeApiKey, makeUnitTree, warningInput } from "@/tests/factories";
import { apply, mutationOf, surelyInvalid } from "./fuzz/mutate";

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
let feed: Awaited<ReturnType<typeof makeApiKey>>;
beforeAll(async () => {
  const tree = await makeUnitTree();
  forgetRoutingTable();
  feed = await makeApiKey(tree.city, ["warnings:ingest"]);
});

const post = (raw: string) =>
  POST(new Request("http://localhost/api/v1/warnings", { method: "POST", headers: { authorization: `Bearer ${feed.key}`, "content-type": "application/json" }, body: raw }), { params: Promise.resolve({}) });
const warningsOf = (externalIds: string[]) => getDb().warning.count({ where: { apiKeyId: feed.actor.id, externalId: { in: externalIds } } });

describe("ingestion batches with a mutated item", () => {
  it("reject exactly the items the schema refuses, write nothing of them, and take the rest", async () => {
    const template = warningInput();
    await fc.assert(
      // Whole-body mutations are the next test's.
      fc.asyncProperty(mutationOf(template).filter((m) => m.kind !== "replace" && m.kind !== "raw"), async (m) => {
        // Same shape as the template (the mutation's paths hold), fresh identity (no duplicates).
        const good = warningInput();
        const base = { ...warningInput(), victim: { ...template.victim } };
        const mutated = JSON.parse(apply(base, m)) as Record<string, unknown>;
        const res = await post(JSON.stringify([good, mutated]));
        const text = await res.text();
        const label = `${JSON.stringify(m).slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, label).toBe(200);
        const [first, second] = (JSON.parse(text) as { results: { status: string }[] }).results;
        expect(first!.status, label).toBe("created");
        // Text the database cannot store is refused with the item, like a schema error.
        const schemaRefuses = !ingestWarningSchema.safeParse(mutated).success || unsafeTextIssues(mutated).length > 0;
        if (surelyInvalid(base, m)) expect(schemaRefuses, label).toBe(true);
        if (schemaRefuses) {
          expect(second!.status, label).toBe("rejected");
          expect(await warningsOf([base.externalId]), `a rejected item was written: ${label}`).toBe(0);
        } else {
          expect(["created", "repeat", "duplicate"], label).toContain(second!.status);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("answer 422 to a body that is not a warning or a list of them, writing nothing", async () => {
    const base = warningInput();
    await fc.assert(
      fc.asyncProperty(mutationOf(base).filter((m) => m.kind === "replace" || m.kind === "raw"), async (m) => {
        const before = await getDb().warning.count({ where: { apiKeyId: feed.actor.id } });
        const raw = apply(base, m);
        const res = await post(raw);
        const body = await res.text();
        const label = `${raw.slice(0, 120)} → ${res.status} ${body.slice(0, 200)}`;
        expect(res.status, label).toBeLessThan(500);
        if (res.status === 200) {
          // An array of (invalid) items answers per item: all rejected.
          expect((JSON.parse(body) as { results: { status: string }[] }).results.every((r) => r.status === "rejected"), label).toBe(true);
        } else {
          expect([400, 413, 422], label).toContain(res.status);
        }
        expect(await getDb().warning.count({ where: { apiKeyId: feed.actor.id } }), label).toBe(before);
      }),
      { numRuns: RUNS },
    );
  });

  it("take any receivedAt from year 1 to 9999 as one item: rejected outside 2000-01-01 … now + 5 min, never a 5xx (SECURITY.md G32)", async () => {
    const floor = Date.UTC(2000, 0, 1);
    await fc.assert(
      fc.asyncProperty(fc.date({ min: new Date("0001-01-01T00:00:00Z"), max: new Date("9999-12-31T23:59:59Z"), noInvalidDate: true }), async (at) => {
        const item = warningInput({ receivedAt: at.toISOString() });
        const res = await post(JSON.stringify([warningInput(), item]));
        const text = await res.text();
        expect(res.status, `${at.toISOString()} → ${text.slice(0, 200)}`).toBe(200);
        const [first, second] = (JSON.parse(text) as { results: { status: string; errors?: { path: string; code: string }[] }[] }).results;
        expect(first!.status).toBe("created");
        const inRange = at.getTime() >= floor && at.getTime() <= Date.now() + 5 * 60_000 - 1000;
        const outOfRange = at.getTime() < floor || at.getTime() > Date.now() + 5 * 60_000 + 1000;
        if (outOfRange) expect(second, at.toISOString()).toMatchObject({ status: "rejected", errors: [{ path: "receivedAt" }] });
        if (inRange) expect(second!.status, at.toISOString()).not.toBe("rejected");
      }),
      { numRuns: RUNS },
    );
    // The instants that crashed id generation (before 1970) and sank the batch.
    const res = await post(JSON.stringify([warningInput({ receivedAt: "1969-12-31T23:59:59.999Z" }), warningInput()]));
    expect(res.status).toBe(200);
    expect((await res.json() as { results: { status: string }[] }).results.map((r) => r.status)).toEqual(["rejected", "created"]);
  });

  it("refuse a batch over 5,000 items (422) and a body over the size limit (413)", async () => {
    const items = Array.from({ length: 5_001 }, () => ({ source: "NATIONAL" }));
    expect((await post(JSON.stringify(items))).status).toBe(422);
    const huge = JSON.stringify([{ ...warningInput(), note: "x".repeat(2000) }]).padEnd(30 * 1024 * 1024, " ");
    expect((await post(huge)).status).toBe(413);
  });
});
