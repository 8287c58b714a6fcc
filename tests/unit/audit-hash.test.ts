import { describe, expect, it } from "vitest";
import { canonicalJson, chainHash, GENESIS_HASH } from "@/lib/audit/hash";

const record = {
  at: new Date("2026-11-29T01:02:03.456Z"), actorId: null, actorName: "dispatcher", role: "DISPATCHER", unitId: null,
  ip: "10.0.0.1", action: "auth.login", entityType: null, entityId: null, success: true, requestId: "r1", details: { b: 1, a: [2, { d: 4, c: 3 }] },
};

describe("audit hash chain", () => {
  it("serialises objects with sorted keys at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });

  it("hashes the same record the same way whatever the key order", () => {
    const reordered = { ...record, details: { a: [2, { c: 3, d: 4 }], b: 1 } };
    expect(chainHash(GENESIS_HASH, record)).toBe(chainHash(GENESIS_HASH, reordered));
  });

  it("changes with any field and with the previous hash", () => {
    const h = chainHash(GENESIS_HASH, record);
    expect(chainHash(GENESIS_HASH, { ...record, success: false })).not.toBe(h);
    expect(chainHash(GENESIS_HASH, { ...record, at: new Date(record.at.getTime() + 1) })).not.toBe(h);
    expect(chainHash("f".repeat(64), record)).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});
