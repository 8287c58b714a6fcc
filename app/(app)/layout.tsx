import type { ReactNode } from "react";
import { headers } from "next/headers";
import { requirePageAccess, requirePageUser } from "@/lib/auth/guards";
import { AppShell } from "@/components/shell/app-shell";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageUser();
  // Before any page's loading skeleton streams: a page outside the role is a real 404 status.
  await requirePageAccess(actor, (await headers()).get("x-pathname"));
  return <AppShell actor={actor}>{children}</AppShell>;
}
