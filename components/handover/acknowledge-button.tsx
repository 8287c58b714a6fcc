"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { HandoverError } from "@/components/handover/handover-form";
import { acknowledgeHandoverAction } from "@/app/(app)/handover/actions";

/** 确认接班: one tap for the incoming dispatcher; a refusal (taken by someone else …) says why. */
export function AcknowledgeButton({ id, version }: { id: string; version: number }) {
  const t = useTranslations("handover.awaiting");
  const [state, action, pending] = useActionState(acknowledgeHandoverAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={pending || !!state?.ok}>{state?.ok ? t("acknowledged") : t("acknowledge")}</Button>
      <HandoverError state={state} />
    </form>
  );
}
