import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { PERMISSIONS } from "@/lib/auth/permissions";

/** The actor of command-line operations run by whoever holds the server (audited as "cli"). */
export function systemActor(root: { id: string; code: string; name: string; path: string }): Actor {
  return {
    kind: "user", id: "00000000-0000-0000-0000-000000000000", name: "cli", displayName: "命令行", role: null,
    unitId: root.id, unitCode: root.code, unitName: root.name, unitKind: "CITY", scopePath: root.path,
    permissions: new Set(PERMISSIONS), ip: null, requestId: randomUUID(),
  };
}
