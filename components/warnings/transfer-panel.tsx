"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { ActionState } from "@/lib/commands/action";
import type { UnitOption } from "@/lib/units/picker-options";
import { decideTransferAction, proposeTransferAction } from "@/app/(app)/transfers/actions";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/action-form";
import { UnitPicker } from "@/components/warnings/unit-picker";

/** A transfer as the panels show it (lib/warnings/transfers.ts listTransfers / transfersOfWarning). */
export type TransferView = {
  id: string;
  version: number;
  status: "PROPOSED" | "ACCEPTED" | "RETURNED" | "CANCELLED";
  external: boolean;
  destination: string | null;
  reason: string;
  returnReason: string | null;
  proposedAt: string;
  proposedBy: string | null;
  fromUnit: { name: string };
  toUnit: { name: string };
  canDecide: boolean;
  canCancel: boolean;
};

/** A field's error, or the refusal of the whole form, in the user's language (the transfers' own wording first). */
function useTransferError(state: ActionState) {
  const t = useTranslations();
  const word = (code: string) =>
    t.has(`transfers.fieldErrors.${code}`) ? t(`transfers.fieldErrors.${code}`) : t.has(`fieldErrors.${code}`) ? t(`fieldErrors.${code}`) : t("fieldErrors.invalid");
  return {
    field: (name: string) => (state && !state.ok && state.fields[name] ? word(state.fields[name]) : undefined),
    form: (shown: string[]) => {
      if (!state || state.ok) return null;
      const other = Object.entries(state.fields).find(([path]) => !shown.includes(path));
      // A field under its input already says what is wrong.
      if (!other && Object.keys(state.fields).length) return null;
      return <p role="alert" className="text-sm text-red-700">{other ? word(other[1]) : t(`errors.${state.code}`)}</p>;
    },
  };
}

/** 移交: the warning page's action — a target (a unit of the city, or out of the city) and a reason. */
export function TransferForm({ warningId, version, targets, phone = false }: { warningId: string; version: number; targets: UnitOption[]; /** Full-width, thumb-sized buttons. */ phone?: boolean }) {
  const t = useTranslations("transfers");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [external, setExternal] = useState(false);
  const [unitCode, setUnitCode] = useState("");
  const { state, pending, formProps } = useFormAction(proposeTransferAction, (s) => {
    if (s?.ok) {
      setOpen(false);
      router.refresh();
    }
  });
  const err = useTransferError(state);
  if (!open) {
    return <Button variant="secondary" onClick={() => setOpen(true)} data-testid="transfer-open" className={phone ? "min-h-12 w-full text-base" : undefined}>{t("do.propose")}</Button>;
  }
  return (
    <form {...formProps} aria-label={t("form.title")} className="grid w-full gap-3 rounded-lg border border-slate-200 bg-slate-50 p-4 md:grid-cols-2">
      <h3 className="text-sm font-semibold md:col-span-2">{t("form.title")}</h3>
      <input type="hidden" name="id" value={warningId} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="flex flex-wrap gap-4 text-sm md:col-span-2">
        <legend className="mb-1 text-sm font-medium text-slate-700">{t("form.target")}</legend>
        <label className="inline-flex min-h-11 items-center gap-2"><input type="radio" checked={!external} onChange={() => setExternal(false)} />{t("form.inCity")}</label>
        <label className="inline-flex min-h-11 items-center gap-2"><input type="radio" checked={external} onChange={() => setExternal(true)} />{t("form.external")}</label>
      </fieldset>
      {external ? (
        <Field id="transfer-destination" label={t("form.destination")} hint={t("form.externalNote")} error={err.field("destination")}>
          <Input id="transfer-destination" name="destination" maxLength={128} placeholder={t("form.destinationHint")} invalid={!!err.field("destination")} />
        </Field>
      ) : (
        <Field id="transfer-unit" label={t("form.unit")} error={err.field("toUnitCode")}>
          <UnitPicker id="transfer-unit" units={targets} value={unitCode} onChange={setUnitCode} name="toUnitCode" />
        </Field>
      )}
      <Field id="transfer-reason" label={t("form.reason")} error={err.field("reason")}>
        <Input id="transfer-reason" name="reason" maxLength={2000} placeholder={t("form.reasonHint")} invalid={!!err.field("reason")} />
      </Field>
      <div className={phone ? "grid gap-2" : "flex flex-wrap items-center gap-3 md:col-span-2"}>
        <Button type="submit" disabled={pending} className={phone ? "min-h-12 w-full text-base" : undefined}>{t("do.submit")}</Button>
        <Button variant="secondary" onClick={() => setOpen(false)} className={phone ? "min-h-12 w-full text-base" : undefined}>{t("do.close")}</Button>
        {err.form(["destination", "toUnitCode", "reason", "target"])}
      </div>
    </form>
  );
}

/** The buttons a transfer's state and the viewer allow: accept / return with a reason (receiving unit), cancel (proposer). */
export function TransferDecision({ transfer }: { transfer: Pick<TransferView, "id" | "version" | "canDecide" | "canCancel"> }) {
  const t = useTranslations("transfers");
  const router = useRouter();
  const [returning, setReturning] = useState(false);
  const settled = (s: ActionState) => s?.ok && router.refresh();
  const accept = useFormAction(decideTransferAction, settled);
  const ret = useFormAction(decideTransferAction, settled);
  const cancel = useFormAction(decideTransferAction, settled);
  const retErr = useTransferError(ret.state);
  const acceptErr = useTransferError(accept.state);
  const cancelErr = useTransferError(cancel.state);
  const hidden = (decision: string) => (
    <>
      <input type="hidden" name="id" value={transfer.id} />
      <input type="hidden" name="version" value={transfer.version} />
      <input type="hidden" name="decision" value={decision} />
    </>
  );
  return (
    <div className="flex flex-wrap items-start gap-2">
      {transfer.canDecide ? (
        <>
          <form {...accept.formProps}>
            {hidden("ACCEPT")}
            <Button type="submit" size="sm" disabled={accept.pending} className="min-h-11">{t("do.accept")}</Button>
            {acceptErr.form([])}
          </form>
          {returning ? (
            <form {...ret.formProps} className="flex flex-wrap items-end gap-2">
              {hidden("RETURN")}
              <Field id={`return-reason-${transfer.id}`} label={t("form.returnReason")} error={retErr.field("reason")}>
                <Input id={`return-reason-${transfer.id}`} name="reason" maxLength={2000} autoFocus invalid={!!retErr.field("reason")} />
              </Field>
              <Button type="submit" size="sm" variant="secondary" disabled={ret.pending} className="min-h-11">{t("do.confirmReturn")}</Button>
              {retErr.form(["reason"])}
            </form>
          ) : (
            <Button size="sm" variant="secondary" className="min-h-11" onClick={() => setReturning(true)}>{t("do.return")}</Button>
          )}
        </>
      ) : null}
      {transfer.canCancel ? (
        <form {...cancel.formProps}>
          {hidden("CANCEL")}
          <Button type="submit" size="sm" variant="secondary" disabled={cancel.pending} className="min-h-11">{t("do.cancel")}</Button>
          {cancelErr.form([])}
        </form>
      ) : null}
    </div>
  );
}

const TONE = { PROPOSED: "amber", ACCEPTED: "green", RETURNED: "red", CANCELLED: "slate" } as const;

export function TransferStatusBadge({ status }: { status: TransferView["status"] }) {
  const t = useTranslations("transfers");
  return <Badge tone={TONE[status]}>{t(`status.${status}`)}</Badge>;
}

/** A list of transfers (incoming or outgoing) with the warning they carry and what the viewer may do. */
export function TransferList({
  rows, empty, testId, linkWarnings = false,
}: {
  /** Outgoing transfers link to their warning (the receiving unit sees it only once accepted). */
  linkWarnings?: boolean;
  rows: (TransferView & { warningId: string; warning: { riskLevel: string; fraudType: string; victimPhone: string | null; amountAtRisk: string | null }; decidedAt: string | null })[];
  empty: string;
  testId: string;
}) {
  const t = useTranslations("transfers");
  const tw = useTranslations("warnings");
  const format = useFormatter();
  if (rows.length === 0) return <p className="text-sm text-slate-500" data-testid={testId}>{empty}</p>;
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {rows.map((r) => (
        <li key={r.id} className="flex flex-col gap-2 py-3 text-sm">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <TransferStatusBadge status={r.status} />
            <span className="font-medium">{tw(`risk.${r.warning.riskLevel}`)} · {tw(`fraudType.${r.warning.fraudType}`)}</span>
            {linkWarnings ? <Link href={`/warnings/${r.warningId}`} className="font-mono text-brand-600 hover:underline">{r.warning.victimPhone}</Link> : <span className="font-mono">{r.warning.victimPhone}</span>}
            {r.warning.amountAtRisk ? <span>{format.number(Number(r.warning.amountAtRisk), { style: "currency", currency: "CNY" })}</span> : null}
          </div>
          <div className="text-slate-600">
            {r.fromUnit.name} → {r.external ? t("externalTo", { destination: r.destination ?? "" }) : r.toUnit.name}
            <span className="ml-2 text-xs text-slate-500">{format.dateTime(new Date(r.proposedAt), { dateStyle: "short", timeStyle: "short" })}{r.proposedBy ? ` · ${r.proposedBy}` : ""}</span>
          </div>
          <div className="text-slate-700"><span className="text-slate-500">{t("col.reason")}：</span>{r.reason}</div>
          {r.returnReason ? <div className="text-red-700"><span className="text-slate-500">{t("col.returnReason")}：</span>{r.returnReason}</div> : null}
          <TransferDecision transfer={r} />
        </li>
      ))}
    </ul>
  );
}
