import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/errors";

const nodeError = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("counts a socket the database closed under a write (COPY into a dead server) as an outage, not a bug", () => {
    expect(isDatabaseUnavailable(nodeError("write EPIPE", "EPIPE"))).toBe(true);
    expect(isDatabaseUnavailable(new Error("write EPIPE"))).toBe(true);
    expect(isDatabaseUnavailable(nodeError("read ECONNRESET", "ECONNRESET"))).toBe(true);
  });

  it("leaves other errors to be reported as bugs", () => {
    expect(isDatabaseUnavailable(new Error("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(nodeError("duplicate key value", "23505"))).toBe(false);
  });
});
