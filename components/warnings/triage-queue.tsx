"use client";

import { useCallback, useEffect, useState, useTransition, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { WarningRow } from "@/lib/warnings/dto";
import { bulkAcknowledgeAction, takeNextAction, transitionAction } from "@/app/(app)/warnings/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { SlaCountdown } from "@/components/warnings/sla-countdown";
import type { UnitOption } from "@/lib/units/picker-options";
import { DispatchDialog } from "@/components/warnings/dispatch-dialog";
import { typingIn, useLiveRefresh } from "@/components/warnings/use-live-refresh";
import { useKeysReady } from "@/components/warnings/key-queue";
import { LiveStatus } from "@/components/warnings/live-status";
import { DataTable } from "@/components/ui/table";

export function TriageQueue({ rows, units, canDispatch, empty }: { rows: WarningRow[]; units: UnitOption[]; canDispatch: boolean; empty: ReactNode }) {
  const t = useTranslations("warnings");
  const tErr = useTranslations("errors");
  const format = useFormatter();
  const router = useRouter();
  const [cursor, setCursor] = useState(0);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [dispatching, setDispatching] = useState<WarningRow[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [, start] = useTransition();
  const live = useLiveRefresh();

  const current = rows[Math.min(cursor, rows.length - 1)];
  const selectedRows = rows.filter((r) => checked.has(r.id));

  const acknowledge = useCallback(
    (targets: WarningRow[]) =>
      start(async () => {
        const pending = targets.filter((r) => r.status === "PENDING");
        if (pending.length === 1) {
          const fd = new FormData();
          fd.set("id", pending[0]!.id);
          fd.set("to", "ACKNOWLEDGED");
          fd.set("version", String(pending[0]!.version));
          const state = await transitionAction(null, fd);
          setMessage(state && !state.ok ? (state.code === "VERSION_CONFLICT" ? t("conflict") : tErr(state.code)) : null);
        } else if (pending.length > 1) {
          const r = await bulkAcknowledgeAction(pending.map(({ id, version }) => ({ id, version })));
          setMessage(r.ok ? t("bulk.done", r.data) : tErr(r.code));
          setChecked(new Set());
        }
        router.refresh();
      }),
    [router, t, tErr],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typingIn(e) || dispatching) return;
      const targets = selectedRows.length ? selectedRows : current ? [current] : [];
      switch (e.key) {
        case "j":
          setCursor((c) => Math.min(c + 1, rows.length - 1));
          break;
        case "k":
          setCursor((c) => Math.max(c - 1, 0));
          break;
        case "Enter":
          if (current) router.push(`/warnings/${current.id}`);
          break;
        case "x":
          if (current) setChecked((s) => (s.has(current.id) ? new Set([...s].filter((id) => id !== current.id)) : new Set(s).add(current.id)));
          break;
        case "a":
          acknowledge(targets);
          break;
        case "c":
          if (current) router.push(`/warnings/${current.id}?do=call`);
          break;
        case "r":
          if (current) router.push(`/warnings/${current.id}?do=resolve`);
          break;
        case "d":
          if (canDispatch && targets.length) setDispatching(targets);
          break;
        case "n":
          start(async () => {
            const next = await takeNextAction();
            if (next.ok && next.data) router.push(`/warnings/${next.data.id}`);
          });
          break;
        case "/":
          (document.getElementById("filter-phone") as HTMLInputElement | null)?.focus();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, current, selectedRows, dispatching, canDispatch, router, acknowledge]);
  useKeysReady();

  useEffect(() => {
    document.querySelector(`[data-row-index="${cursor}"]`)?.scrollIntoView({ block: "nearest" });
  }, [cursor]);

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
        <LiveStatus live={live} />
        {checked.size ? (
          <>
            <span>{t("bulk.selected", { count: checked.size })}</span>
            <Button size="sm" variant="secondary" onClick={() => acknowledge(selectedRows)}>{t("bulk.ack")}</Button>
            {canDispatch ? <Button size="sm" variant="secondary" onClick={() => setDispatching(selectedRows)}>{t("bulk.dispatch")}</Button> : null}
          </>
        ) : null}
        <Button size="sm" className="ml-auto" onClick={() => start(async () => { const next = await takeNextAction(); if (next.ok && next.data) router.push(`/warnings/${next.data.id}`); })}>
          {t("takeNext")} (n)
        </Button>
      </div>
      {message ? <p role="status" className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900">{message}</p> : null}
      {empty ?? (
        <DataTable
          testId="warning-queue"
          head={
            <>
              <th className="w-8 px-2 py-2"><span className="sr-only">{t("columns.select")}</span></th>
              <th className="px-2 py-2 font-medium">{t("columns.risk")}</th>
              <th className="px-2 py-2 font-medium">{t("columns.sla")}</th>
              <th className="px-2 py-2 font-medium">{t("columns.received")}</th>
              <th className="px-2 py-2 font-medium">{t("columns.victim")}</th>
              <th className="px-2 py-2 font-medium">{t("columns.fraudType")}</th>
              <th className="px-2 py-2 text-center font-medium">{t("columns.repeat")}</th>
              <th className="px-2 py-2 font-medium">{t("columns.unit")}</th>
              <th className="px-2 py-2 font-medium">{t("columns.status")}</th>
            </>
          }
        >
          {rows.map((r, i) => (
            <tr
              key={r.id}
              data-row-index={i}
              data-warning-id={r.id}
              data-status={r.status}
              aria-selected={i === cursor}
              onClick={() => setCursor(i)}
              className={cn("cursor-pointer", i === cursor ? "bg-brand-50 outline-2 -outline-offset-2 outline-brand-600" : "hover:bg-slate-50")}
            >
              <td className="px-2 py-2">
                <input type="checkbox" aria-label={t("columns.select")} className="size-4" checked={checked.has(r.id)} onChange={() => setChecked((s) => (s.has(r.id) ? new Set([...s].filter((id) => id !== r.id)) : new Set(s).add(r.id)))} />
              </td>
              <td className="px-2 py-2"><RiskBadge risk={r.riskLevel} /></td>
              <td className="px-2 py-2">{r.sla ? <SlaCountdown dueAt={r.sla.dueAt} startedAt={r.receivedAt} step={r.sla.step} /> : <span className="text-xs text-slate-400">{t("sla.done")}</span>}</td>
              <td className="px-2 py-2 text-xs whitespace-nowrap text-slate-500">{format.relativeTime(new Date(r.receivedAt))}</td>
              <td className="px-2 py-2 whitespace-nowrap">
                <Link href={`/warnings/${r.id}`} className="hover:underline" tabIndex={-1}>
                  <span className="font-mono">{r.victimPhone}</span> <span className="text-slate-500">{r.victimName}</span>
                </Link>
              </td>
              <td className="px-2 py-2 whitespace-nowrap">{t(`fraudType.${r.fraudType}`)}</td>
              <td className="px-2 py-2 text-center">{r.repeatCount ? <span className="rounded bg-purple-100 px-1.5 text-xs font-semibold text-purple-800">×{r.repeatCount + 1}</span> : null}</td>
              <td className="px-2 py-2 whitespace-nowrap text-xs">{r.unit.name}</td>
              <td className="px-2 py-2 whitespace-nowrap text-xs">{t(`status.${r.status}`)}{r.outcome ? ` · ${t(`outcome.${r.outcome}`)}` : ""}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="mt-2 text-xs text-slate-500">{t("keyboardHint")}</p>
      {dispatching ? (
        <DispatchDialog
          targets={dispatching}
          units={units}
          onClose={(result) => {
            setDispatching(null);
            if (result) {
              setMessage(result);
              setChecked(new Set());
            }
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
