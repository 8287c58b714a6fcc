// How an action's result reads, for the pages (server and client alike).

/**
 * The key (namespace "warnings") of an action's result as people read it: a text message is
 * 已送达 / 未送达 where a call is 已接通 / 未接听 — the outbox records an SMS's or a 闪信's receipt
 * as CONNECTED or UNANSWERED (lib/outbound/ladder.ts).
 */
export function actionResultKey(kind: string, result: string): string {
  return kind === "SMS" && (result === "CONNECTED" || result === "UNANSWERED") ? `smsResult.${result}` : `actionResult.${result}`;
}
