import { describe, expect, it } from "vitest";
import { fromDatabaseError, isDatabaseUnavailable } from "@/lib/errors";

const nodeError = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("counts a socket the database closed under a write (COPY into a dead server) as an outage, not a bug", () => {
    expect(isDatabaseUnavailable(nodeError("write EPIPE", "EPIPE"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("write EPIPE"))).toBe(true);
    expect(isDatabaseUnavailable(nodeError("read ECONNRESET", "ECONNRESET"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  });

  it("counts a raw query that could not reach the database (Prisma's P2010, the cause under meta) as an outage", () => {
    const raw = (cause: object) => Object.assign(new Error("Raw query failed. Code: `N/A`"), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause } } });
    expect(isDatabaseUnavailable(raw({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }))).toBe(true);
    expect(isDatabaseUnavailable(raw({ kind: "postgres", originalCode: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(raw({ kind: "postgres", originalCode: "42601" }))).toBe(false);
  });

  it("leaves other errors to be reported as bugs", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(nodeError("duplicate key value", "23505"))).toBe(false);
  });
});

describe("fromDatabaseError", () => {
  const raw = (originalCode: string) => Object.assign(new Error("Raw query failed."), { code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", originalCode } } } });
  it("answers a duplicate key 409 whether Prisma's, a raw statement's or the driver's own", () => {
    for (const e of [Object.assign(new Error("unique"), { code: "P2002" }), raw("23505"), nodeError("duplicate key value", "23505")]) expect(fromDatabaseError(e)?.code).toBe("CONFLICT");
  });

  it("answers two writes that met (a deadlock, a serialisation failure) 409, to be tried again", () => {
    for (const e of [raw("40P01"), raw("40001"), nodeError("deadlock detected", "40P01")]) expect(fromDatabaseError(e)?.code).toBe("VERSION_CONFLICT");
  });

  it("leaves a syntax error to be reported as a bug", () => {
    expect(fromDatabaseError(raw("42601"))).toBeNull();
  });
});
