// How a page runs a read command with what its URL says (a path id, the query): the same
// permission, strict parse and scope as the API, and a bad or foreign id is the 404 page.
import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { Command, RunOptions } from "@/lib/commands/command";

/**
 * Runs a read for a page. Input the schema refuses (a malformed id) and a record that is missing
 * or outside the caller's jurisdiction (an audited denial) answer the same "not found"; anything
 * else propagates to the error page.
 */
export async function readForPage<O>(command: Command<O>, actor: Actor, raw: unknown, options?: RunOptions): Promise<O> {
  try {
    return await command(actor, raw, options);
  } catch (e) {
    if (e instanceof AppError && (e.code === "NOT_FOUND" || e.code === "VALIDATION")) notFound();
    throw e;
  }
}
