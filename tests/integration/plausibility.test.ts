// Dates and amounts a person could not have meant are refused with the field and the reason, and
// nothing is written (SECURITY.md: plausibility of event times and amounts).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logWarningAction, transitionWarning } from "@/lib/warnings/commands";
import { recordCounterIntercept } from "@/lib/field/record-counter-intercept";
import { createCase } from "@/lib/cases/create-case";
import { DEFAULT_AMOUNT_CEILING_YUAN } from "@/lib/env";
import { makeUser } from "@/tests/factories";
import { fieldTeam, intercept, key, precinctWarning, type FieldTeam } from "./field-fixtures";
import { caseInput } from "./cases-fixtures";

let team: FieldTeam;
beforeAll(async () => {
  team = await fieldTeam();
});

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as AppError);

describe("event times", () => {
  it("refuses an action dated before its warning was received, or in year 1, and keeps the first contact", async () => {
    const w = await precinctWarning(team);
    const acked = await transitionWarning(team.dispatcher.actor, { id: w.id, to: "ACKNOWLEDGED", version: w.version });
    const early = await refusal(logWarningAction(team.dispatcher.actor, { id: w.id, kind: "HOTLINE_CALL", result: "CONNECTED", occurredAt: new Date(w.receivedAt.getTime() - 3_600_000).toISOString() }));
    expect(early).toMatchObject({ status: 422, details: [{ path: "occurredAt", code: "before_warning" }] });
    const yearOne = await refusal(logWarningAction(team.dispatcher.actor, { id: w.id, kind: "HOTLINE_CALL", result: "CONNECTED", occurredAt: "0001-01-01T00:00:00Z" }));
    expect(yearOne).toMatchObject({ status: 422, details: [{ path: "occurredAt", code: "too_early" }] });
    const after = await getDb().warning.findUniqueOrThrow({ where: { id: w.id } });
    expect(after).toMatchObject({ status: "ACKNOWLEDGED", firstContactAt: null, version: acked.version });
    expect(await getDb().dissuasionAction.count({ where: { warningId: w.id } })).toBe(0);
  });
});

describe("amounts", () => {
  it("refuses a counter interception of ¥999,999,999,999.99 dated year 1, writing nothing", async () => {
    const before = await getDb().dissuasionAction.count();
    const e = await refusal(recordCounterIntercept(team.officer.actor, intercept({ amountProtected: "999999999999.99", occurredAt: "0001-01-01T00:00:00Z" }), key()));
    expect(e?.status).toBe(422);
    expect(e?.details.map((d) => [d.path, d.code])).toEqual(expect.arrayContaining([["amountProtected", "over_ceiling"], ["occurredAt", "too_early"]]));
    expect(await getDb().dissuasionAction.count()).toBe(before);
  });

  it("takes an amount at the ceiling and refuses one fen more, for a case's loss too", async () => {
    const ceiling = `${DEFAULT_AMOUNT_CEILING_YUAN}.00`;
    await expect(recordCounterIntercept(team.officer.actor, intercept({ amountProtected: ceiling }), key())).resolves.toMatchObject({ warningId: null });
    const investigator = await makeUser(team.tree.branches[0]!, "INVESTIGATOR");
    const over = await refusal(createCase(investigator.actor, caseInput({ victims: [{ name: "王秀兰", lossAmount: `${DEFAULT_AMOUNT_CEILING_YUAN}.01` }], accounts: [] })));
    expect(over).toMatchObject({ status: 422, details: [{ path: "victims.0.lossAmount", code: "over_ceiling" }] });
  });
});
