"use client";

import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/http/action";

/** A field's error in the user's language: the publicity wording first, then the shared one. */
export function usePublicityFieldError(state: ActionState) {
  const own = useTranslations("publicity.fieldErrors");
  const shared = useTranslations("fieldErrors");
  return (name: string): string | undefined => {
    if (!state || state.ok) return undefined;
    const code = state.fields[name];
    if (!code) return undefined;
    return own.has(code) ? own(code) : shared.has(code) ? shared(code) : shared("invalid");
  };
}
