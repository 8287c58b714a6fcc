import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { PERMISSIONS } from "@/lib/auth/permissions";

const SYSTEM_ACTOR_ID = "00000000-0000-0000-0000-000000000000";

/** The actor of command-line operations run by whoever holds the server (audited as "cli"). */
export function systemActor(root: { id: string; code: string; name: string; path: string }): Actor {
  return {
    kind: "user", id: SYSTEM_ACTOR_ID, name: "cli", displayName: "命令行", role: null,
    unitId: root.id, unitCode: root.code, unitName: root.name, unitKind: "CITY", scopePath: root.path,
    permissions: new Set(PERMISSIONS), ip: null, requestId: randomUUID(),
  };
}

/**
 * The command line is a trusted operator path: whoever runs it holds the server and its database
 * and could write any row directly, so a second person's approval there would be theatre (and the
 * first auditor and security officer could never be made). Its grants are audited as "cli".
 */
export const isSystemActor = (actor: Pick<Actor, "id" | "role">) => actor.id === SYSTEM_ACTOR_ID && actor.role === null;
