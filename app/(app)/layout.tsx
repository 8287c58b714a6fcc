import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/guards";
import { AppShell } from "@/components/shell/app-shell";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageUser();
  return <AppShell actor={actor}>{children}</AppShell>;
}
