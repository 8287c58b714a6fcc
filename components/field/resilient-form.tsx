"use client";

import { useRef, useState, type FormEvent, type ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { CheckCircle2, WifiOff } from "lucide-react";
import type { ActionState, Result } from "@/lib/commands/action";
import { chinaLocalToIso } from "@/lib/time/china";
import { Button } from "@/components/ui/button";
import { SignInAgain } from "@/components/ui/sign-in-again";

// The form always sends from scratch (no previous state): a retry is the same submit again.
type Action<T> = (prev: null, form: FormData) => Promise<Result<T>>;

/** A random submit key; crypto.randomUUID needs a secure context, getRandomValues does not. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

/**
 * A field form on a weak network. A submit that does not reach the server (or whose answer is
 * lost) leaves every typed value on screen and offers a retry; every attempt of one form instance
 * carries the same idempotency key, so a retry or a double tap makes one record. A saved form gets
 * a fresh key for the next record. Nothing is kept in browser storage: the values live in the
 * form's own inputs only.
 */
export function useResilientForm<T>(action: Action<T>, onSaved?: (state: Result<T>) => void) {
  const [state, setState] = useState<ActionState<T>>(null);
  const [pending, setPending] = useState(false);
  const [offline, setOffline] = useState(false);
  const key = useRef<string | null>(null);
  const inFlight = useRef(false);
  const form = useRef<HTMLFormElement>(null);

  const send = async (data: FormData) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPending(true);
    setOffline(false);
    key.current ??= newKey();
    data.set("idempotencyKey", key.current);
    // The form's clock fields are China time; the server takes an instant with its offset.
    for (const el of form.current?.querySelectorAll<HTMLInputElement>('input[type="datetime-local"]') ?? []) {
      if (el.name && el.value) data.set(el.name, chinaLocalToIso(el.value));
    }
    try {
      const next = await action(null, data);
      setState(next);
      if (next.ok) {
        key.current = null;
        onSaved?.(next);
      } else if (Object.keys(next.fields).length > 0) {
        // On a phone the first bad field is usually off screen: bring it into view.
        requestAnimationFrame(() => {
          const bad = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
          bad?.scrollIntoView({ block: "center" });
          if (bad && bad.tagName !== "FIELDSET") bad.focus({ preventScroll: true });
        });
      }
    } catch {
      setOffline(true);
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void send(new FormData(e.currentTarget));
  };
  const retry = () => form.current?.requestSubmit();
  return { state, pending, offline, retry, formProps: { ref: form, onSubmit, noValidate: true, autoComplete: "off" } };
}

/** The banner a failed submit shows: what happened, that nothing is lost, and the retry. */
export function OfflineBanner({ offline, pending, retry }: { offline: boolean; pending: boolean; retry: () => void }) {
  const t = useTranslations("field.network");
  if (!offline) return null;
  return (
    <div role="alert" data-testid="offline-banner" className="flex flex-col gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-amber-950">
      <p className="flex items-center gap-2 text-base font-medium">
        <WifiOff className="size-5 shrink-0" aria-hidden />
        {t("title")}
      </p>
      <p className="text-sm">{t("body")}</p>
      <Button type="button" onClick={retry} disabled={pending} className="min-h-12 w-full text-base">
        {t("retry")}
      </Button>
    </div>
  );
}

/** The form-level error (409, 404 …) under the submit button: the domain's wording (`namespace`.errors), the field work's, or the code's. */
export function FormError({ state, namespace }: { state: ActionState<unknown>; namespace?: "revisits" }) {
  const t = useTranslations();
  if (!state || state.ok) return null;
  const first = Object.values(state.fields)[0];
  const key = first && [namespace && `${namespace}.errors.${first}`, `field.errors.${first}`].find((k) => k && t.has(k));
  const text = state.code === "VALIDATION" ? t("errors.VALIDATION") : key ? t(key) : t(`errors.${state.code}`);
  return (
    <p role="alert" className="text-sm text-red-700">
      {text}
      {state.code === "UNAUTHENTICATED" ? <SignInAgain hint /> : null}
    </p>
  );
}

/** The foot of a phone form: the offline banner, the full-width submit (its label while saving) and the form-level error. */
export function SubmitFooter({ form, label, saving, namespace }: { form: { state: ActionState<unknown>; pending: boolean; offline: boolean; retry: () => void }; label: string; saving: string; namespace?: "revisits" }) {
  return (
    <>
      <OfflineBanner offline={form.offline} pending={form.pending} retry={form.retry} />
      <div className="space-y-2">
        <Button type="submit" disabled={form.pending} className="min-h-12 w-full text-base">
          {form.pending ? saving : label}
        </Button>
        <FormError state={form.state} namespace={namespace} />
      </div>
    </>
  );
}

/** A task form's confirmation: what was saved, then the way back to the list it came from. */
export function SavedPanel({ testId, title, back, href, children }: { testId: string; title: string; back: string; href: string; children?: ReactNode }) {
  return (
    <div role="status" data-testid={testId} className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4">
      <p className="flex items-center gap-2 text-lg font-semibold text-green-900">
        <CheckCircle2 className="size-6" aria-hidden />
        {title}
      </p>
      {children}
      <Link href={href} className="inline-flex min-h-12 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-base font-medium text-white">
        {back}
      </Link>
    </div>
  );
}

/** A task already done, shown instead of its form: what it came to, and the note. */
export function ClosedTask({ heading, outcome, note }: { heading?: string; outcome: string | null; note: string | null }) {
  return (
    <div className="space-y-1 text-base">
      {heading ? <p>{heading}</p> : null}
      {outcome ? <p className="font-medium">{outcome}</p> : null}
      {note ? <p className="text-sm break-words text-slate-600">{note}</p> : null}
    </div>
  );
}
