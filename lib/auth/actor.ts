import type { Role, UnitKind, WarningSource } from "@/lib/generated/prisma/enums";
import type { Permission } from "@/lib/auth/permissions";

/** Who is acting, as every domain function receives it. */
export type Actor = {
  kind: "user" | "apiKey";
  id: string;
  /** Username, or the API key's name. */
  name: string;
  displayName: string;
  role: Role | null;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitKind: UnitKind;
  /** Path of the subtree this actor may see (the 反诈中心 sees its whole city). */
  scopePath: string;
  permissions: ReadonlySet<Permission>;
  /** An API key's bound sources: what it may send and pull feedback on (none for a person). */
  sources?: readonly WarningSource[];
  sessionId?: string;
  ip: string | null;
  requestId: string;
};
