import "server-only";
import http from "node:http";
import https from "node:https";

type Emitter = { emit: (event: string | symbol, ...args: unknown[]) => boolean };

/**
 * Wraps the "request" event of every HTTP(S) server of the process (Next's included, which gives no
 * hook of its own before routing): `hook` gets the request, the response and `next` — the server's
 * own handling, or the hook installed before this one — and calls it at once, later, or never.
 * The last hook installed sees a request first. Callers make their install idempotent.
 */
export function hookServerRequests(hook: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void): void {
  for (const proto of [http.Server.prototype, https.Server.prototype] as Emitter[]) {
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event !== "request") return emit.call(this, event, ...args);
      hook(args[0] as http.IncomingMessage, args[1] as http.ServerResponse, () => emit.call(this, event, ...args));
      return true;
    };
  }
}
