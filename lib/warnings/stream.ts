import "server-only";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { command } from "@/lib/commands/command";
import { scopeUnitIds } from "@/lib/units/jurisdiction";

/**
 * Opening the live queue's stream (GET /api/v1/warnings/stream): who listens, and the units of
 * their jurisdiction whose changes they are told of. The route turns it into the event stream.
 */
export const openWarningStream = command({
  name: "warning.stream", permission: "warnings:read",
  summary: "Server-Sent Events of the jurisdiction's warning changes (ids and states only)",
  input: z.object({}).strict(), audit: false,
  async run({ actor }): Promise<{ actor: Actor; scope: ReadonlySet<string> }> {
    return { actor, scope: new Set(await scopeUnitIds(actor.scopePath)) };
  },
});
