// A local stand-in for the SMS / 闪信 / robot call gateway, for development, demos and tests. It
// speaks the gateway interface (lib/outbound/gateway.ts): signed requests in, a delivery receipt
// posted back (signed) after a delay. It fails on purpose at a configurable rate, half of the
// failures before recording a message (503) and half after (the answer "lost": 502), so the
// sender's retries and the idempotency key are exercised. A key is delivered once. A bank or
// carrier request (channels BANK, CARRIER) is answered as the partner would: accepted (a bank holds
// the amount asked, or part of it) or rejected with a reason. It also plays the national /
// provincial platform's upstream endpoint (POST /v1/feedback), which takes a key once.
// No "server-only": `npm start` runs it beside the app (scripts/start.ts).
import { createServer, type IncomingMessage, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { CALL_RESULTS, signedHeaders, verifySignature, type FeedbackRequest, type GatewayRequest, type ReceiptResult } from "./gateway";

export type PartnerAnswer = { result: "ACCEPTED" | "REJECTED"; reason?: string; amountStopped?: string };
export type SimulatedMessage = GatewayRequest & { id: string; receivedAt: string; result?: ReceiptResult; receiptAt?: string; requests: number; answer?: PartnerAnswer };
/** Feedback the simulated national / provincial platform took (its upstream endpoint, /v1/feedback). */
export type SimulatedFeedback = FeedbackRequest & { id: string; receivedAt: string; requests: number };

export type SimulatorOptions = {
  port?: number;
  host?: string;
  secret: string;
  /** Delay before the receipt is posted. */
  delayMs?: number;
  /** Share of requests that fail (0–1). */
  failureRate?: number;
  /** Robot call outcomes and their weights. */
  callOutcomes?: Partial<Record<(typeof CALL_RESULTS)[number], number>>;
  /** Share of SMS / 闪信 not delivered. */
  undeliveredRate?: number;
  /** Overrides the outcome (tests): by message. */
  outcome?: (m: GatewayRequest) => ReceiptResult | undefined;
  /** Share of bank / carrier requests the partner rejects (0–1). */
  partnerRejectRate?: number;
  /** Overrides a partner's answer (tests): by message. */
  partnerAnswer?: (m: GatewayRequest) => PartnerAnswer | undefined;
  /** Keep at most this many messages in memory (the oldest go first). */
  keep?: number;
};

export type Simulator = {
  url: string;
  port: number;
  messages: () => SimulatedMessage[];
  feedback: () => SimulatedFeedback[];
  /** Requests refused on purpose, and requests answered as duplicates. */
  stats: { failed: number; duplicates: number; receiptsPosted: number; receiptFailures: number };
  stop: () => Promise<void>;
};

function parseOutcomes(spec: string | undefined): SimulatorOptions["callOutcomes"] | undefined {
  if (!spec) return undefined;
  const out: Record<string, number> = {};
  for (const part of spec.split(",")) {
    const [k, w] = part.split(":");
    if (k && (CALL_RESULTS as readonly string[]).includes(k.trim())) out[k.trim()] = Number(w ?? 1) || 0;
  }
  return out;
}

/** The simulator's options from the environment (SIM_*), as `npm start` runs it. */
export function simulatorOptionsFromEnv(env: NodeJS.ProcessEnv, secret: string): SimulatorOptions {
  // Numbers whose robot calls are never answered (a demo's, an E2E's unreachable person): their ladder hands over.
  const unreachable = new Set((env.SIM_UNREACHABLE_NUMBERS ?? "").split(",").map((n) => n.trim()).filter(Boolean));
  return {
    ...(unreachable.size ? { outcome: (m: GatewayRequest) => (m.channel === "ROBOT_CALL" && unreachable.has(m.to) ? "UNREACHABLE" as const : undefined) } : {}),
    secret,
    port: Number(env.SIM_PORT ?? 0),
    delayMs: Number(env.SIM_DELAY_MS ?? 1500),
    failureRate: Number(env.SIM_FAILURE_RATE ?? 0.1),
    undeliveredRate: Number(env.SIM_UNDELIVERED_RATE ?? 0.05),
    partnerRejectRate: Number(env.SIM_PARTNER_REJECT_RATE ?? 0.1),
    callOutcomes: parseOutcomes(env.SIM_CALL_OUTCOMES) ?? { ANSWERED: 3, LISTENED_TO_END: 3, HUNG_UP: 2, UNREACHABLE: 2 },
  };
}

function pick(weights: Record<string, number>): string {
  const entries = Object.entries(weights).filter(([, w]) => w > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = Math.random() * total;
  for (const [k, w] of entries) if ((r -= w) <= 0) return k;
  return entries.at(-1)?.[0] ?? "UNREACHABLE";
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw new Error("too large");
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const byKey = new Map<string, SimulatedMessage>();
  const feedbackByKey = new Map<string, SimulatedFeedback>();
  const stats = { failed: 0, duplicates: 0, receiptsPosted: 0, receiptFailures: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const keep = opts.keep ?? 10_000;

  /** A bank or carrier answers its request: mostly accepted (a bank holds what the request asks), now and then rejected. */
  const partnerAnswerOf = (m: GatewayRequest): PartnerAnswer => {
    const forced = opts.partnerAnswer?.(m);
    if (forced) return forced;
    if (Math.random() < (opts.partnerRejectRate ?? 0)) return { result: "REJECTED", reason: m.channel === "BANK" ? "账户已销户" : "号码已停机" };
    let amount: string | undefined;
    try {
      const a = (JSON.parse(m.text) as { amount?: unknown }).amount;
      if (typeof a === "string" && /^\d{1,12}(\.\d{1,2})?$/.test(a)) amount = a;
    } catch {
      /* not JSON: accept without an amount */
    }
    return { result: "ACCEPTED", ...(m.channel === "BANK" && amount ? { amountStopped: amount } : {}) };
  };

  const outcomeOf = (m: GatewayRequest): ReceiptResult => {
    const forced = opts.outcome?.(m);
    if (forced) return forced;
    if (m.channel !== "ROBOT_CALL") return Math.random() < (opts.undeliveredRate ?? 0) ? "UNDELIVERED" : "DELIVERED";
    return pick(opts.callOutcomes ?? { ANSWERED: 1 }) as ReceiptResult;
  };

  const postReceipt = async (m: SimulatedMessage, tries = 0): Promise<void> => {
    const body = JSON.stringify({ messageId: m.idempotencyKey, result: m.result, at: m.receiptAt, ...(m.answer ? { reason: m.answer.reason, amountStopped: m.answer.amountStopped } : {}) });
    try {
      const res = await fetch(m.callbackUrl, { method: "POST", headers: signedHeaders(opts.secret, body), body, signal: AbortSignal.timeout(10_000) });
      if (res.ok) {
        stats.receiptsPosted++;
        return;
      }
      if (res.status < 500 && res.status !== 429) {
        stats.receiptFailures++;
        return;
      }
    } catch {
      /* the app is not up: try again */
    }
    if (tries >= 5) {
      stats.receiptFailures++;
      return;
    }
    const t = setTimeout(() => { timers.delete(t); void postReceipt(m, tries + 1); }, 500 * 2 ** tries);
    timers.add(t);
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      try {
        const body = await readBody(req);
        const headers = { get: (n: string) => (req.headers[n] as string | undefined) ?? null };
        if (!verifySignature(opts.secret, headers, body)) return answer(401, { error: "bad signature" });
        if (req.method === "GET" && req.url?.startsWith("/v1/messages")) {
          return answer(200, [...byKey.values()].slice(-200).reverse());
        }
        if (req.method === "GET" && req.url?.startsWith("/v1/feedback")) {
          return answer(200, [...feedbackByKey.values()].slice(-200).reverse());
        }
        if (req.method === "POST" && req.url === "/v1/feedback") {
          // The upstream platform: takes a key once; fails like the gateway (before or after taking it).
          const f = JSON.parse(body) as FeedbackRequest;
          if (!f.idempotencyKey || !f.feedback || typeof f.feedback !== "object") return answer(422, { error: "idempotencyKey and feedback are required" });
          const fail = Math.random() < (opts.failureRate ?? 0);
          if (fail && Math.random() < 0.5) {
            stats.failed++;
            return answer(503, { error: "simulated outage" });
          }
          let rec = feedbackByKey.get(f.idempotencyKey);
          if (rec) {
            rec.requests++;
            stats.duplicates++;
          } else {
            rec = { ...f, id: randomUUID(), receivedAt: new Date().toISOString(), requests: 1 };
            feedbackByKey.set(f.idempotencyKey, rec);
            if (feedbackByKey.size > keep) feedbackByKey.delete(feedbackByKey.keys().next().value!);
          }
          if (fail) {
            stats.failed++;
            return answer(502, { error: "simulated lost answer" });
          }
          return answer(200, { id: rec.id, duplicate: rec.requests > 1 });
        }
        if (req.method !== "POST" || req.url !== "/v1/messages") return answer(404, { error: "not found" });
        const m = JSON.parse(body) as GatewayRequest;
        if (!m.idempotencyKey || !m.channel || !m.to || !m.callbackUrl) return answer(422, { error: "idempotencyKey, channel, to, text and callbackUrl are required" });
        const fail = Math.random() < (opts.failureRate ?? 0);
        if (fail && Math.random() < 0.5) {
          stats.failed++;
          return answer(503, { error: "simulated outage" });
        }
        const known = byKey.get(m.idempotencyKey);
        if (known) {
          known.requests++;
          stats.duplicates++;
          return fail ? (stats.failed++, answer(502, { error: "simulated lost answer" })) : answer(200, { id: known.id, duplicate: true });
        }
        const rec: SimulatedMessage = { ...m, id: randomUUID(), receivedAt: new Date().toISOString(), requests: 1 };
        byKey.set(m.idempotencyKey, rec);
        if (byKey.size > keep) byKey.delete(byKey.keys().next().value!);
        const t = setTimeout(() => {
          timers.delete(t);
          if (m.channel === "BANK" || m.channel === "CARRIER") {
            rec.answer = partnerAnswerOf(m);
            rec.result = rec.answer.result;
          } else rec.result = outcomeOf(m);
          rec.receiptAt = new Date().toISOString();
          void postReceipt(rec);
        }, opts.delayMs ?? 0);
        timers.add(t);
        if (fail) {
          stats.failed++;
          return answer(502, { error: "simulated lost answer" });
        }
        return answer(200, { id: rec.id, duplicate: false });
      } catch {
        return answer(400, { error: "malformed request" });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`, port, stats,
    messages: () => [...byKey.values()],
    feedback: () => [...feedbackByKey.values()],
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
