import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { scopeUnitIds } from "@/lib/units/jurisdiction";
import { wallBoard } from "@/lib/wall/board";
import type { BusEvent } from "@/lib/warnings/sse";
import { ingestedIn } from "@/lib/warnings/events";

/** The big screen's figures of the caller's jurisdiction (GET /api/v1/wall): aggregates and a masked feed. */
export const wallFigures = command({
  name: "wall.board", permission: "wall:read",
  summary: "The big screen (大屏): today's figures with 同比, breaches and warnings by unit, the week's fraud-type trend, rankings and a masked feed",
  input: z.object({}).strict(), audit: false,
  run: ({ actor, now }) => wallBoard(actor, now),
});

/**
 * Opening the wall's stream (GET /api/v1/wall/stream): only that something changed in the
 * jurisdiction — never an id, a state or a unit, let alone personal data; the wall refetches.
 */
export const openWallStream = command({
  name: "wall.stream", permission: "wall:read",
  summary: "Server-Sent Events: that warnings changed in the caller's jurisdiction (no ids, no personal data)",
  input: z.object({}).strict(), audit: false,
  async run({ actor }): Promise<{ actor: Actor; scope: ReadonlySet<string> }> {
    return { actor, scope: new Set(await scopeUnitIds(actor.scopePath)) };
  },
});

export type WallMessage = { kind: "resync" | "ingested" | "changed" };

/** What the wall's stream sends for a bus event: its kind and nothing else; null when not ours. */
export function wallMessage(e: BusEvent, scope: ReadonlySet<string>): WallMessage | null {
  if (e.kind === "resync") return { kind: "resync" };
  if (e.kind === "changed") return scope.has(e.unitId) ? { kind: "changed" } : null;
  return ingestedIn(e, scope) !== null ? { kind: "ingested" } : null;
}
