import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { assertCaseVisible } from "@/lib/cases/case-detail";

/**
 * The jurisdiction check of a case page, above its loading boundary: a case outside the user's
 * jurisdiction answers with the HTTP status 404 (once the skeleton streams, the status is sent).
 */
export default async function CaseLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("cases:read");
  try {
    await assertCaseVisible(actor, (await params).id);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
  return children;
}
