import type { ReactNode } from "react";
import { requirePagePermission } from "@/lib/auth/guards";

/**
 * The permission check runs here too, above loading.tsx: a page's notFound() inside the streamed
 * Suspense boundary would still answer 200; the layout's answers a real 404 to anyone but auditors.
 */
export default async function AuditLayout({ children }: { children: ReactNode }) {
  await requirePagePermission("audit:read");
  return children;
}
