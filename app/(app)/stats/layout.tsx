import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/guards";

// The permission check runs here, before the pages' loading skeletons start streaming: someone
// without stats:read gets a real 404 status, not a streamed "not found" under a 200.
export default async function StatsLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("stats:read");
  return children;
}
