import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { getAppeal } from "@/lib/appeals/queries";
import { readForPage } from "@/lib/commands/page";
import { Card } from "@/components/ui/card";
import { AppealBadges } from "@/components/appeals/appeal-badges";
import { AppealDecision } from "@/components/appeals/appeal-decision";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appeals"))("detail.title") };
}

export default async function AppealPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("publicity:write");
  const a = await readForPage(getAppeal, actor, { id: (await params).id });
  const [t, tp, format] = await Promise.all([getTranslations("appeals"), getTranslations("publicity"), getFormatter()]);
  const dash = tp("common.dash");
  const row = (label: string, value: ReactNode, testId?: string) => (
    <div className="grid grid-cols-3 gap-2 py-2 text-sm" data-testid={testId}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2 break-words">{value ?? dash}</dd>
    </div>
  );
  const m = a.measure;
  const open = a.status === "RECEIVED" || a.status === "UNDER_REVIEW";
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="p-4 md:p-5">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">{t("detail.title")}</h2>
          <span data-testid="appeal-status" data-status={a.status}><AppealBadges a={a} /></span>
        </div>
        <dl className="divide-y divide-slate-100">
          {row(t("fields.measure"), (
            <span data-testid="appeal-measure" data-measure-state={m.revokedOn ? "revoked" : "standing"}>
              {tp(`measureKinds.${m.kind}`)} · {m.person} · {m.unitName} · {m.endsOn ? `${m.startsOn} ~ ${m.endsOn}` : m.startsOn}
              {m.revokedOn ? <span className="ml-1 font-medium text-red-700">（{t("measure.revokedOn", { day: m.revokedOn })}）</span> : null}
              <Link href={`/publicity/measures/${m.id}`} className="ml-2 whitespace-nowrap text-brand-700 hover:underline">{t("detail.measureLink")}</Link>
            </span>
          ))}
          {row(t("fields.appellantName"), a.appellantName)}
          {row(t("fields.appellantPhone"), a.appellantPhone ? <span className="font-mono">{a.appellantPhone}</span> : null)}
          {row(t("fields.appellantIdNumber"), a.appellantIdNumber ? <span className="font-mono">{a.appellantIdNumber}</span> : null)}
          {row(t("fields.receivedOn"), a.receivedOn)}
          {row(t("fields.deadlineOn"), a.deadlineOn)}
          {row(t("fields.grounds"), <span className="whitespace-pre-wrap">{a.grounds}</span>)}
          {row(t("fields.evidence"), a.evidence.length ? <ul className="list-disc pl-5">{a.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul> : t("detail.evidenceNone"))}
          {row(t("fields.registeredBy"), a.registeredBy)}
          {row(t("fields.reviewer"), a.reviewer)}
          {a.decisionReason ? row(t("fields.reason"), <span className="whitespace-pre-wrap">{a.decisionReason}</span>, "appeal-reason") : null}
          {a.decidedAt ? row(t("fields.decidedAt"), format.dateTime(new Date(a.decidedAt), { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" })) : null}
        </dl>
        <Link href="/publicity/appeals" className="mt-3 inline-flex min-h-11 items-center text-sm text-brand-700 hover:underline">{t("detail.back")}</Link>
      </Card>
      <Card className="p-4 md:p-5">
        {open ? (
          <AppealDecision id={a.id} version={a.version} status={a.status as "RECEIVED" | "UNDER_REVIEW"} registeredByMe={a.registeredByMe}
            reviewingByOther={a.status === "UNDER_REVIEW" && !a.reviewingByMe} />
        ) : (
          <p className="text-sm text-slate-600">{t("detail.closed")}</p>
        )}
      </Card>
    </div>
  );
}
