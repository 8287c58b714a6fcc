"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/commands/action";
import { Button, type ButtonProps } from "@/components/ui/button";
import { SignInAgain } from "@/components/ui/sign-in-again";

/**
 * A form's server action (lib/commands/action.ts formAction). Declared as a method so that a form
 * component taking any action accepts one whose command answers a particular type.
 */
export type FormActionProp<T = unknown> = { action(prev: ActionState<T>, form: FormData): Promise<ActionState<T>> }["action"];
type Action<T = unknown> = FormActionProp<T>;

/**
 * Binds a form to a server action without React's automatic reset: a failed submit keeps what
 * the user typed; a successful one clears the form.
 */
export function useFormAction<T>(action: Action<T>, onSettled?: (state: ActionState<T>) => void) {
  const [state, dispatch, pending] = useActionState(async (prev: ActionState<T>, form: FormData) => {
    const next = await action(prev, form);
    onSettled?.(next);
    return next;
  }, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) ref.current?.reset();
  }, [state]);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formProps: { ref, onSubmit, noValidate: true } };
}

/**
 * The outcome line under a form: "saved", or the error in the user's language — the reason itself
 * when the error names one the form has no field for (a one-button form, a rule of the record).
 */
export function FormStatus({ state, savedText, namespace, shown = [] }: { state: ActionState<unknown>; savedText?: string; namespace?: Namespace; shown?: readonly string[] }) {
  const t = useTranslations();
  if (!state) return null;
  if (state.ok) return savedText ? <p role="status" className="text-sm text-green-700">{savedText}</p> : null;
  const reason = Object.values(state.fields).find((code) => t.has(`fieldErrors.${code}`) && REASONS.has(code));
  // A domain's own wording of an error no input of the form shows (a closed case, the two-person rule).
  const own = namespace && Object.entries(state.fields).find(([path]) => !shown.includes(path));
  const ownKey = own && `${namespace}.${namespace === "field" ? "errors" : "fieldErrors"}.${own[1]}`;
  return (
    <p role="alert" className="text-sm text-red-700">
      {ownKey && t.has(ownKey) ? t(ownKey) : reason ? t(`fieldErrors.${reason}`) : t(`errors.${state.code}`)}
      {state.code === "UNAUTHENTICATED" ? <SignInAgain hint /> : null}
    </p>
  );
}

type Namespace = "cases" | "publicity" | "account" | "field" | "revisits" | "appeals" | "outbound" | "vulnerable" | "appfollowups";

/** Field codes that explain a refusal of the whole action rather than one input. */
const REASONS = new Set(["last_oversight", "approval_pending", "already_decided", "password_not_owned"]);

/**
 * The one field-error hook: a field's error in the user's language — the domain's own wording
 * (`namespace`.fieldErrors, e.g. "cases") first, then the shared one, then "invalid".
 */
export function useFieldError(state: ActionState, namespace?: Namespace) {
  const t = useTranslations();
  return (name: string): string | undefined => {
    if (!state || state.ok) return undefined;
    const code = state.fields[name];
    if (!code) return undefined;
    const own = namespace && `${namespace}.${namespace === "field" ? "errors" : "fieldErrors"}.${code}`;
    return own && t.has(own) ? t(own) : t.has(`fieldErrors.${code}`) ? t(`fieldErrors.${code}`) : t("fieldErrors.invalid");
  };
}

/** A one-button form (enable, disable …) posting hidden fields to a server action. */
export function ActionButton<T>({
  action, fields, children, confirm, namespace, ...button
}: { action: Action<T>; fields: Record<string, string | number>; children: ReactNode; confirm?: string; namespace?: Namespace } & Omit<ButtonProps, "type">) {
  const [state, formAction, pending] = useActionState(action, null as ActionState<T>);
  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
      className="inline-flex flex-col items-start"
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" size="sm" disabled={pending} {...button}>
        {children}
      </Button>
      <FormStatus state={state} namespace={namespace} />
    </form>
  );
}
