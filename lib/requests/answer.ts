import "server-only";
import { command } from "@/lib/commands/command";
import { AppError } from "@/lib/errors";
import { writeAudit } from "@/lib/audit/write-audit";
import { outOfScope } from "@/lib/audit/audit-denied";
import { inJurisdiction } from "@/lib/units/jurisdiction";
import { applyPartnerAnswer } from "@/lib/requests/answers";
import { partnerAnswerSchema } from "@/lib/requests/schemas";

/**
 * The partner's answer recorded by hand (a bank that answers on paper): by the case's investigators
 * or the dispatchers, within the jurisdiction. The gateway's receipts record it by themselves.
 */
export const answerPartnerRequest = command({
  name: "request.answer", permission: ["cases:write", "warnings:triage"],
  summary: "Record a bank's or carrier's answer to a request (accepted with the amount held, or rejected with its reason)",
  input: partnerAnswerSchema, audit: ["request.answer"],
  async run({ actor, input, tx, now }): Promise<{ id: string; version: number }> {
    const r = await tx.partnerRequest.findFirst({ where: { id: input.id, ...inJurisdiction(actor) }, select: { id: true, docNumber: true, requestedAt: true } });
    if (!r) throw await outOfScope(actor, "PartnerRequest", input.id, async () => (await tx.partnerRequest.count({ where: { id: input.id } })) > 0);
    const at = input.answeredAt ?? now;
    if (at < r.requestedAt) {
      throw new AppError("VALIDATION", "the answer cannot precede the request", [{ path: "answeredAt", code: "before_request", message: r.requestedAt.toISOString() }]);
    }
    await applyPartnerAnswer(tx, r.id, { result: input.result, reason: input.reason ?? null, amountStopped: input.amountStopped ?? null, at }, input.version);
    await writeAudit(tx, actor, {
      action: "request.answer", success: true, entityType: "PartnerRequest", entityId: r.id,
      details: { docNumber: r.docNumber, result: input.result, reason: input.reason, amountStopped: input.amountStopped },
    });
    return { id: r.id, version: input.version + 1 };
  },
});
