import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { wallBoard } from "@/lib/wall/board";
import { WallBoard } from "@/components/wall/wall-board";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("wall");
  return { title: t("title") };
}

/** The big screen (大屏) of the viewer's jurisdiction: aggregates and a masked live feed. */
export default async function WallPage() {
  const actor = await requirePagePermission("wall:read");
  return <WallBoard initial={await wallBoard(actor)} />;
}
