"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ActionResult, type WarningStatus } from "@/lib/generated/prisma/enums";
import type { ActionState } from "@/lib/commands/action";
import { acceptsActions, isReopen, RESOLVE_OUTCOMES, WARNING_TRANSITIONS } from "@/lib/warnings/state-machine";
import { logCallAction, transitionAction } from "@/app/(app)/warnings/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormStatus, useFieldError, useFormAction } from "@/components/ui/action-form";
import type { UnitOption } from "@/lib/units/picker-options";
import { DispatchDialog, type DispatchTarget } from "@/components/warnings/dispatch-dialog";
import { typingIn } from "@/components/warnings/use-live-refresh";
import { useKeysReady } from "@/components/warnings/key-queue";

type Props = { id: string; status: WarningStatus; version: number; unit: DispatchTarget["unit"]; canDispatch: boolean; units: UnitOption[]; initial?: "call" | "resolve" };

/** What can be done to a warning now, each with its key: a 签收, c call, r resolve, d dispatch, Esc back. */
export function WarningActions({ id, status, version, unit, canDispatch, units, initial }: Props) {
  const t = useTranslations("warnings");
  const router = useRouter();
  const [panel, setPanel] = useState<"call" | "resolve" | "dispatch" | null>(initial ?? null);
  // What the state machine allows from here (lib/warnings/state-machine.ts), and what the warning takes.
  const moves = WARNING_TRANSITIONS[status];
  const can = {
    ack: moves.includes("ACKNOWLEDGED"),
    resolve: moves.includes("RESOLVED"),
    reopen: moves.some((to) => isReopen(status, to)),
    call: acceptsActions(status),
    dispatch: canDispatch && status !== "RESOLVED",
  };
  // A stale version means someone else acted first: show the fresh state at once.
  const onSettled = (state: ActionState) => {
    if (state && !state.ok && state.code === "VERSION_CONFLICT") router.refresh();
    if (state?.ok) setPanel(null);
  };
  const ack = useFormAction(transitionAction, onSettled);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        if (panel) setPanel(null);
        else router.push("/warnings");
        return;
      }
      if (typingIn(e) || panel === "dispatch") return;
      if (e.key === "a" && can.ack) (document.getElementById("ack-submit") as HTMLButtonElement | null)?.click();
      else if (e.key === "c" && can.call) setPanel("call");
      else if (e.key === "r" && can.resolve) setPanel("resolve");
      else if (e.key === "d" && can.dispatch) setPanel("dispatch");
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [panel, can.ack, can.call, can.resolve, can.dispatch, router]);
  useKeysReady();

  return (
    <div className="space-y-3">
      {can.reopen ? (
        <ReopenForm id={id} version={version} onSettled={onSettled} />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          {can.ack ? (
            <form {...ack.formProps}>
              <input type="hidden" name="id" value={id} />
              <input type="hidden" name="to" value="ACKNOWLEDGED" />
              <input type="hidden" name="version" value={version} />
              <Button id="ack-submit" type="submit" disabled={ack.pending}>{t("do.ack")}</Button>
            </form>
          ) : null}
          {can.call ? <Button variant="secondary" onClick={() => setPanel("call")}>{t("do.call")}</Button> : null}
          {can.resolve ? <Button variant="secondary" onClick={() => setPanel("resolve")}>{t("do.resolve")}</Button> : null}
          {can.dispatch ? <Button variant="secondary" onClick={() => setPanel("dispatch")}>{t("do.dispatch")}</Button> : null}
        </div>
      )}
      <FormStatus state={ack.state} />
      {panel === "call" ? <CallForm id={id} onSettled={onSettled} /> : null}
      {panel === "resolve" ? <ResolveForm id={id} version={version} onSettled={onSettled} /> : null}
      {panel === "dispatch" ? <DispatchDialog targets={[{ id, version, unit }]} units={units} onClose={() => { setPanel(null); router.refresh(); }} /> : null}
    </div>
  );
}

function useAutoFocus() {
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

type Settled = { onSettled: (s: ActionState) => void };

function CallForm({ id, onSettled }: { id: string } & Settled) {
  const t = useTranslations("warnings");
  const { state, pending, formProps } = useFormAction(logCallAction, onSettled);
  const fieldError = useFieldError(state);
  const first = useAutoFocus();
  return (
    <form {...formProps} aria-label={t("call.title")} className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 md:grid-cols-2">
      <h3 className="text-sm font-semibold md:col-span-2">{t("call.title")}</h3>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="kind" value="HOTLINE_CALL" />
      <Field id="call-result" label={t("call.result")} error={fieldError("result")}>
        <Select id="call-result" name="result" ref={first} defaultValue="CONNECTED">
          {Object.values(ActionResult).map((r) => <option key={r} value={r}>{t(`actionResult.${r}`)}</option>)}
        </Select>
      </Field>
      <Field id="call-duration" label={t("call.duration")} error={fieldError("durationMinutes")}>
        <Input id="call-duration" name="durationMinutes" inputMode="decimal" invalid={!!fieldError("durationMinutes")} />
      </Field>
      <Field id="call-amount" label={t("call.amount")} error={fieldError("amountProtected")}>
        <Input id="call-amount" name="amountProtected" inputMode="decimal" placeholder="0.00" invalid={!!fieldError("amountProtected")} />
      </Field>
      <Field id="call-followup" label={t("call.followUp")} error={fieldError("followUpOn")}>
        <Input id="call-followup" name="followUpOn" type="date" invalid={!!fieldError("followUpOn")} />
      </Field>
      <div className="md:col-span-2">
        <Field id="call-note" label={t("call.note")} error={fieldError("note")}>
          <Input id="call-note" name="note" maxLength={2000} invalid={!!fieldError("note")} />
        </Field>
      </div>
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>{t("do.submit")}</Button>
        <FormStatus state={state} savedText={t("call.saved")} />
      </div>
    </form>
  );
}

function ResolveForm({ id, version, onSettled }: { id: string; version: number } & Settled) {
  const t = useTranslations("warnings");
  const { state, pending, formProps } = useFormAction(transitionAction, onSettled);
  const fieldError = useFieldError(state);
  const first = useAutoFocus();
  return (
    <form {...formProps} aria-label={t("resolve.title")} className="grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 md:grid-cols-2">
      <h3 className="text-sm font-semibold md:col-span-2">{t("resolve.title")}</h3>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="to" value="RESOLVED" />
      <input type="hidden" name="version" value={version} />
      <Field id="resolve-outcome" label={t("resolve.outcome")} error={fieldError("outcome")}>
        <Select id="resolve-outcome" name="outcome" ref={first} defaultValue="DISSUADED">
          {RESOLVE_OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcome.${o}`)}</option>)}
        </Select>
      </Field>
      <Field id="resolve-note" label={t("resolve.note")} error={fieldError("note")}>
        <Input id="resolve-note" name="note" maxLength={2000} />
      </Field>
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>{t("do.submit")}</Button>
        <FormStatus state={state} savedText={t("resolve.saved")} />
      </div>
    </form>
  );
}

function ReopenForm({ id, version, onSettled }: { id: string; version: number } & Settled) {
  const t = useTranslations("warnings");
  const { state, pending, formProps } = useFormAction(transitionAction, onSettled);
  const fieldError = useFieldError(state);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="to" value="IN_PROGRESS" />
      <input type="hidden" name="version" value={version} />
      <Field id="reopen-note" label={t("resolve.reopenNote")} error={fieldError("note")}>
        <Input id="reopen-note" name="note" maxLength={2000} invalid={!!fieldError("note")} />
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>{t("do.reopen")}</Button>
      <FormStatus state={state} />
    </form>
  );
}
