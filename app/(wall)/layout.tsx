import type { ReactNode } from "react";
import { headers } from "next/headers";
import { requirePageAccess, requirePageUser } from "@/lib/auth/guards";

/** The big screen's frame: no navigation, no chrome — the wall fills the display. */
export default async function WallLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageUser();
  // As the app layout: a page outside the role is a real 404 status, before anything streams.
  await requirePageAccess(actor, (await headers()).get("x-pathname"));
  return <div className="dark bg-slate-950">{children}</div>;
}
