// The health check (HAProxy's, and an operator's): liveness with a database round trip, and where
// this instance's admission limit stands once the gate is installed — live figures, no personal data.
import { describe, expect, it } from "vitest";
import { DEFAULT_ADMISSION, installAdmissionGate } from "@/lib/http/admission";
import { GET } from "@/app/api/health/route";

describe("GET /api/health", () => {
  it("answers the database's state, and the admission gate's figures as the gate moves", async () => {
    const before = await GET();
    expect(before.status).toBe(200);
    const plain = (await before.json()) as Record<string, unknown>;
    expect(plain).toMatchObject({ status: "ok", database: "ok" });
    expect(plain.admission).toBeUndefined(); // no gate in this process yet

    const gate = installAdmissionGate(DEFAULT_ADMISSION);
    expect(((await (await GET()).json()) as { admission: unknown }).admission).toEqual({ limit: 16, inFlight: 0, queued: 0, cuts: 0, readBaseMs: null });

    // A read held past twice the target cuts the limit by a quarter; the check says so.
    await new Promise<void>((done) => gate.enter("read", (leave) => setTimeout(() => (leave(), done()), 2 * DEFAULT_ADMISSION.readTargetMs + 50), () => done()));
    const after = (await (await GET()).json()) as { admission: { limit: number; cuts: number; readBaseMs: number } };
    expect(after.admission).toMatchObject({ limit: 12, cuts: 1, inFlight: 0 });
    expect(after.admission.readBaseMs).toBeGreaterThanOrEqual(2 * DEFAULT_ADMISSION.readTargetMs);
  });
});
