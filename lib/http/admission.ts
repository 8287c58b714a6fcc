import "server-only";
import http from "node:http";
import { type LoadEnv, loadEnv } from "@/lib/env";
import zh from "@/lib/i18n/messages/zh-CN/common.json";
import { hookServerRequests } from "@/lib/http/request-hook";

// Priorities under overload (issue 18, item 4). A warning arriving means someone is being
// defrauded now: intake and the dispatchers' and officers' writes are served first; statistics,
// exports and list pages are shed first. The gate sits in front of Next on the process's HTTP
// server (installed by instrumentation.ts, like the socket-peer hook): every request is classed by
// its method and path, admitted while its class is under its share of the concurrency limit,
// queued briefly otherwise (the highest class is taken from the queue first), and refused when it
// has waited its class's longest wait or the queue is full — a 429 for the API, a 503 for pages,
// both with `Retry-After` in seconds (RFC 9110) and `Retry-After-Ms` in milliseconds. It never
// answers 500.
// What it admits must also be answered in time (p95 under 1 s), and on a machine whose cores the
// instances share with PostgreSQL more requests at once only make each slower. So the limit follows
// the reads' service time, as TCP's window follows loss (additive increase, multiplicative
// decrease), cut only where fewer at once would help: a read slower than the target cuts the limit
// by a quarter, once per read that started after the last cut, if the crowd slowed it — it took
// more than 1.5 times what a read costs uncrowded (TCP Vegas' and Netflix's Gradient2's test: the
// time grew with this instance's own concurrency) — or if it took more than twice the target (past
// which the admitted p95 cannot keep its budget, whatever the cause); any other read, answered
// while the gate was full, raises the limit by 1/limit (about one a round). What a read costs
// uncrowded is learnt from the reads that started with fewer than `minConcurrency` requests in
// flight, and from any read faster than it: on a machine slow for reasons of its own (a cold start,
// a neighbour's load) the reads are as slow at the floor, so between the target and twice it the
// gate stops cutting and grows back instead of refusing users for nothing. Reads probe the limit
// because they are what a request costs at rest (a page, a record, a list of ≤ 100); a write may be
// a 5,000-item batch, whose time says nothing of the load. The limit bounds reads and bulk; writes
// keep the ceiling (`concurrency`): they are what must be served, and the writes waiting for
// ingestion's lock wait in one line and are committed together (lib/warnings/ingest.ts), costing
// little while they wait.

/** Intake and writes; reads a dispatcher or officer works from; statistics, exports and lists. */
export type RequestClass = "write" | "read" | "bulk";
export const CLASSES: readonly RequestClass[] = ["write", "read", "bulk"];

export type AdmissionOptions = {
  /** The most requests this instance serves at once: the limit's ceiling, and where it starts. */
  concurrency: number;
  /** The fewest it serves at once however slow the reads are: the limit's floor. */
  minConcurrency: number;
  /** The service time a read should keep; 0 keeps the limit at `concurrency`. */
  readTargetMs: number;
  /** The share of the limit each class may fill (write 1: all of it). */
  share: Record<RequestClass, number>;
  /** The longest a request of each class waits in the queue before it is refused. */
  maxWaitMs: Record<RequestClass, number>;
  /** The most requests of each class waiting at once. */
  maxQueue: Record<RequestClass, number>;
};

/**
 * A read waits at most 150 ms: at overload an admitted read's time is mostly its service on the
 * shared cores, and a longer wait only added to it (reads' p95 at 73 requests/s, ~2× capacity,
 * three runs each: 1,064–1,197 ms waiting up to 300 ms, 705–951 ms up to 150 ms; README, "Priorities").
 */
export const DEFAULT_ADMISSION: AdmissionOptions = {
  concurrency: 16,
  minConcurrency: 4,
  readTargetMs: 300,
  share: { write: 1, read: 0.75, bulk: 0.25 },
  maxWaitMs: { write: 750, read: 150, bulk: 100 },
  maxQueue: { write: 1_000, read: 100, bulk: 10 },
};

/** The options from the environment: ADMISSION_CONCURRENCY (0 turns the gate off), ADMISSION_READ_TARGET_MS (0: a fixed limit). */
export function admissionOptionsFromEnv(e: LoadEnv = loadEnv()): AdmissionOptions | null {
  const concurrency = e.ADMISSION_CONCURRENCY ?? DEFAULT_ADMISSION.concurrency;
  const readTargetMs = e.ADMISSION_READ_TARGET_MS ?? DEFAULT_ADMISSION.readTargetMs;
  return concurrency > 0 ? { ...DEFAULT_ADMISSION, concurrency, minConcurrency: Math.min(concurrency, DEFAULT_ADMISSION.minConcurrency), readTargetMs } : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Pages people work from under pressure (the queue, the officer's tasks, the entry forms). */
const WORK_PAGES = new Set(["/", "/warnings", "/field", "/field/precinct", "/handover", "/login", "/account/password", "/account/security"]);
/** Never held: health checks (HAProxy's), static files, live streams (they stay open). */
const EXEMPT = [/^\/api\/health$/, /^\/_next\//, /^\/(favicon\.ico|icon\.svg|robots\.txt)$/, /\/stream$/];

/** The class of a request, or null for one the gate lets through untouched. */
export function classify(method: string, url: string): RequestClass | null {
  const path = url.split("?")[0]!.replace(/\/+$/, "") || "/";
  if (EXEMPT.some((r) => r.test(path))) return null;
  // The page's sign that the user is at the screen: shed first, it is sent again a minute later.
  if (path === "/api/activity") return "bulk";
  if (method !== "GET" && method !== "HEAD") return "write";
  if (/(^|\/)(stats|export)(\/|$)/.test(path) || /\/export(\.|$)/.test(path)) return "bulk";
  if (path.startsWith("/api/")) return "read";
  const segments = path.split("/").filter(Boolean);
  if (WORK_PAGES.has(path) || segments.some((s) => UUID.test(s)) || segments.at(-1) === "new") return "read";
  return "bulk";
}

type Waiting = { cls: RequestClass; since: number; admit: () => void; refuse: () => void; timer: NodeJS.Timeout };

export type AdmissionStats = {
  admitted: Record<RequestClass, number>; shed: Record<RequestClass, number>; inFlight: number; queued: number;
  /** The limit now (see readTargetMs), how often it was cut, and what a read costs uncrowded (ms; null until seen). */
  limit: number; cuts: number; readBaseMs: number | null;
};

/** A read slower than this many times what a read costs uncrowded was slowed by the concurrency. */
const TOLERANCE = 1.5;

/**
 * The gate's bookkeeping, free of HTTP: `enter` calls `admit` (now or once a slot frees) or
 * `refuse` (queue full or waited too long); whoever was admitted calls the returned `leave` once.
 */
export class AdmissionGate {
  /** Requests being served now. */
  private inFlight = 0;
  /** The concurrency limit now, between minConcurrency and concurrency. */
  private window: number;
  /** When the limit was last cut (performance.now()): a read that started before says nothing of the new limit. */
  private cutAt = -Infinity;
  private cuts = 0;
  /** What a read costs uncrowded (ms, a moving average; see the head of this file). */
  private baseMs: number | null = null;
  private readonly queues: Record<RequestClass, Waiting[]> = { write: [], read: [], bulk: [] };
  private readonly admitted: Record<RequestClass, number> = { write: 0, read: 0, bulk: 0 };
  private readonly shed: Record<RequestClass, number> = { write: 0, read: 0, bulk: 0 };
  /** Recent service times (ms), for the Retry-After estimate. */
  private serviceMs = 100;

  constructor(readonly options: AdmissionOptions) {
    this.window = options.concurrency;
  }

  get stats(): AdmissionStats {
    return {
      admitted: { ...this.admitted }, shed: { ...this.shed }, inFlight: this.inFlight, queued: this.queued(),
      limit: Math.floor(this.window), cuts: this.cuts, readBaseMs: this.baseMs === null ? null : Math.round(this.baseMs),
    };
  }

  /** Writes keep the whole ceiling: they come first, and ingestion's group commit makes one waiting cheap. */
  private limit(cls: RequestClass) {
    return Math.max(1, Math.floor((cls === "write" ? this.options.concurrency : this.window) * this.options.share[cls]));
  }

  private queued() {
    return CLASSES.reduce((n, c) => n + this.queues[c].length, 0);
  }

  /**
   * Steers the limit by a finished read: its service time, and the crowd it started in (every
   * request in flight: cutting reads and bulk also frees the processor for the writes).
   */
  private observe(cls: RequestClass, read: { startedAt: number; ms: number; crowd: number; wasFull: boolean }) {
    const { readTargetMs, minConcurrency, concurrency } = this.options;
    if (!readTargetMs || cls !== "read") return;
    if (this.baseMs === null) this.baseMs = read.ms;
    else if (read.crowd < minConcurrency || read.ms < this.baseMs) this.baseMs = this.baseMs * 0.9 + read.ms * 0.1;
    if (read.startedAt < this.cutAt) return;
    if (read.ms > readTargetMs && (read.ms > 2 * readTargetMs || read.ms > TOLERANCE * this.baseMs)) {
      this.window = Math.max(minConcurrency, this.window * 0.75);
      this.cutAt = read.startedAt + read.ms;
      this.cuts++;
    } else if (read.wasFull) {
      this.window = Math.min(concurrency, this.window + 1 / this.window);
    }
  }

  /** How long a refused caller of this class should wait before trying again, in ms. */
  retryAfterMs(cls: RequestClass): number {
    const drain = ((this.queued() + this.inFlight) * this.serviceMs) / Math.floor(this.window);
    const floor = { write: 250, read: 1_000, bulk: 5_000 }[cls];
    return Math.min(60_000, Math.max(floor, Math.round(drain / 50) * 50));
  }

  enter(cls: RequestClass, admit: (leave: () => void) => void, refuse: (retryAfterMs: number) => void): { cancel: () => void } {
    const start = (since: number) => {
      const crowd = this.inFlight++;
      this.admitted[cls]++;
      const startedAt = performance.now();
      let left = false;
      admit(() => {
        if (left) return;
        left = true;
        const wasFull = this.inFlight >= this.limit(cls) || this.queued() > 0;
        this.inFlight--;
        this.serviceMs = this.serviceMs * 0.9 + (Date.now() - since) * 0.1;
        this.observe(cls, { startedAt, ms: performance.now() - startedAt, crowd, wasFull });
        this.pump();
      });
    };
    const ahead = CLASSES.slice(0, CLASSES.indexOf(cls) + 1).some((c) => this.queues[c].length > 0);
    if (!ahead && this.inFlight < this.limit(cls)) {
      start(Date.now());
      return { cancel: () => {} };
    }
    const queue = this.queues[cls];
    const turnAway = () => {
      this.shed[cls]++;
      refuse(this.retryAfterMs(cls));
    };
    if (queue.length >= this.options.maxQueue[cls]) {
      turnAway();
      return { cancel: () => {} };
    }
    const since = Date.now();
    const entry: Waiting = {
      cls, since,
      admit: () => start(since),
      refuse: turnAway,
      timer: setTimeout(() => {
        if (this.remove(entry)) entry.refuse();
      }, this.options.maxWaitMs[cls]),
    };
    queue.push(entry);
    return { cancel: () => void this.remove(entry) };
  }

  private remove(entry: Waiting): boolean {
    const queue = this.queues[entry.cls];
    const i = queue.indexOf(entry);
    if (i < 0) return false;
    queue.splice(i, 1);
    clearTimeout(entry.timer);
    return true;
  }

  /** Hands freed slots to the waiting, highest class first. */
  private pump() {
    for (const cls of CLASSES) {
      const queue = this.queues[cls];
      while (queue.length && this.inFlight < this.limit(cls)) {
        const entry = queue[0]!;
        this.remove(entry);
        entry.admit();
      }
      if (queue.length) return; // a lower class never passes a higher one still waiting
    }
  }
}

/** The 503 page, in Chinese: it is written before any session or locale is known. */
const BUSY_PAGE = (seconds: number) => {
  const { title, body } = zh.busyPage;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${seconds}"><title>${title}</title></head>` +
    `<body style="font-family:sans-serif;padding:3rem"><h1>${title}</h1><p>${body.replace("{seconds}", String(seconds))}</p></body></html>`;
};

/** Writes the refusal: 429 + JSON for the API, 503 + a page otherwise; never a 500. */
export function refuse(req: http.IncomingMessage, res: http.ServerResponse, retryAfterMs: number): void {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const headers = { "Retry-After": String(seconds), "Retry-After-Ms": String(retryAfterMs), "Cache-Control": "no-store", Connection: "close" };
  if ((req.url ?? "").startsWith("/api/")) {
    const body = JSON.stringify({ error: { code: "RATE_LIMITED", message: `the platform is at capacity; retry after ${retryAfterMs} ms`, details: [], retryAfterMs } });
    res.writeHead(429, { ...headers, "Content-Type": "application/json" }).end(body);
  } else {
    res.writeHead(503, { ...headers, "Content-Type": "text/html; charset=utf-8" }).end(req.method === "HEAD" ? undefined : BUSY_PAGE(seconds));
  }
  req.resume();
}

/**
 * Runs one request through the gate: `next` (the server's own handling) now or once admitted, or
 * the refusal. The slot is freed when the response ends or the connection closes.
 */
export function gateRequest(gate: AdmissionGate, req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void {
  const cls = classify(req.method ?? "GET", req.url ?? "/");
  if (!cls) return next();
  let done = false;
  const ticket = gate.enter(
    cls,
    (leave) => {
      res.once("finish", leave);
      res.once("close", leave);
      if (done) return leave();
      next();
    },
    (ms) => {
      if (!done) refuse(req, res, ms);
    },
  );
  res.once("close", () => {
    done = true;
    ticket.cancel();
  });
}

const KEY = Symbol.for("fanzha.admission");
const store = globalThis as { [KEY]?: AdmissionGate };

/** This process's gate, when installed. */
export const admissionGate = (): AdmissionGate | null => store[KEY] ?? null;

/** Puts the gate in front of every HTTP(S) server of the process; idempotent. */
export function installAdmissionGate(options: AdmissionOptions): AdmissionGate {
  const installed = store[KEY];
  if (installed) return installed;
  const gate = new AdmissionGate(options);
  hookServerRequests((req, res, next) => gateRequest(gate, req, res, next));
  store[KEY] = gate;
  return gate;
}
