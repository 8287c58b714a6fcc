import "server-only";
// The gateway simulator's inbox (/admin/outbound/simulator), for demos: what the simulator itself
// received — the SMS and 闪信 a victim would get with their text, the robot calls and their
// results, the bank and carrier requests and their answers, the feedback the upstream platform
// took. Read from the simulator's own store over its HTTP interface (signed GET /v1/messages and
// /v1/feedback, lib/outbound/simulator.ts), never from our outbox: the simulator is a separate
// actor, and what it shows is what reached it. Phones and accounts are masked.
import type { Actor } from "@/lib/auth/actor";
import { maskBankCard, maskPhone } from "@/lib/pii";
import { assertRootAdmin } from "@/lib/settings/commands";
import { outboundConfig } from "@/lib/outbound/config";
import { signedHeaders } from "@/lib/outbound/gateway";
import { isPersonChannel } from "@/lib/outbound/templates";
import type { SimulatedFeedback, SimulatedMessage } from "@/lib/outbound/simulator";

export type InboxMessage = {
  key: string; channel: SimulatedMessage["channel"]; to: string; text: string; receivedAt: string; requests: number;
  result: string | null; receiptAt: string | null; reason: string | null; amountStopped: string | null;
};
export type InboxFeedback = { key: string; receivedAt: string; requests: number; source: string; externalId: string; event: string; status: string; outcome: string | null; destination: string | null };
export type SimulatorInbox =
  | { state: "ok"; url: string; messages: InboxMessage[]; feedback: InboxFeedback[] }
  | { state: "not_configured" | "unreachable" | "not_a_simulator"; url: string | null; messages: []; feedback: [] };

const str = (v: unknown) => (typeof v === "string" ? v : v == null ? null : String(v));

/** A partner request names an account or a number in full: the inbox shows its document's title, number and the target masked. */
function partnerText(m: SimulatedMessage): string {
  try {
    const doc = JSON.parse(m.text) as { title?: string; docNumber?: string; target?: string; amount?: string | null };
    const target = m.channel === "BANK" ? maskBankCard(doc.target) : maskPhone(doc.target);
    return [doc.title, doc.docNumber, target, doc.amount ? `¥${doc.amount}` : null].filter(Boolean).join(" · ");
  } catch {
    return "";
  }
}

function inboxMessage(m: SimulatedMessage): InboxMessage {
  const person = isPersonChannel(m.channel);
  return {
    key: m.idempotencyKey, channel: m.channel, to: person ? maskPhone(m.to) ?? "" : m.to, text: person ? m.text : partnerText(m),
    receivedAt: m.receivedAt, requests: m.requests, result: m.result ?? null, receiptAt: m.receiptAt ?? null,
    reason: m.answer?.reason ?? null, amountStopped: m.answer?.amountStopped ?? null,
  };
}

function inboxFeedback(f: SimulatedFeedback): InboxFeedback {
  const b = f.feedback;
  return {
    key: f.idempotencyKey, receivedAt: f.receivedAt, requests: f.requests, source: str(b.source) ?? "", externalId: str(b.externalId) ?? "",
    event: str(b.event) ?? "", status: str(b.status) ?? "", outcome: str(b.outcome), destination: str(b.destination),
  };
}

async function signedGet<T>(base: string, path: string, secret: string): Promise<T | "unreachable" | "not_a_simulator"> {
  let res: Response;
  try {
    res = await fetch(`${base.replace(/\/$/, "")}${path}`, { headers: signedHeaders(secret, ""), signal: AbortSignal.timeout(5_000), cache: "no-store" });
  } catch {
    return "unreachable";
  }
  // A real gateway has no inbox to show.
  if (!res.ok) return "not_a_simulator";
  try {
    return (await res.json()) as T;
  } catch {
    return "not_a_simulator";
  }
}

/** The simulator's latest 200 messages and feedback, newest first; the root administrator only. */
export async function simulatorInbox(actor: Actor, cfg = outboundConfig()): Promise<SimulatorInbox> {
  await assertRootAdmin(actor);
  if (!cfg) return { state: "not_configured", url: null, messages: [], feedback: [] };
  const [messages, feedback] = await Promise.all([
    signedGet<SimulatedMessage[]>(cfg.gatewayUrl, "/v1/messages", cfg.secret),
    signedGet<SimulatedFeedback[]>(cfg.upstreamUrl ?? cfg.gatewayUrl, "/v1/feedback", cfg.secret),
  ]);
  if (typeof messages === "string") return { state: messages, url: cfg.gatewayUrl, messages: [], feedback: [] };
  return {
    state: "ok", url: cfg.gatewayUrl,
    messages: Array.isArray(messages) ? messages.map(inboxMessage) : [],
    feedback: Array.isArray(feedback) ? feedback.map(inboxFeedback) : [],
  };
}
