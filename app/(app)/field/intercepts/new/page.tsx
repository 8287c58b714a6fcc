import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { readForPage } from "@/lib/commands/page";
import { showWarning } from "@/lib/warnings/queries";
import { formClock } from "@/lib/field/constants";
import { Card } from "@/components/ui/card";
import { RiskBadge } from "@/components/warnings/risk-badge";
import { InterceptForm } from "@/components/field/intercept-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("field"))("intercept.title") };
}

type Props = { searchParams: Promise<{ warning?: string | string[] }> };

/** 临柜拦截登记: standalone, or (?warning=id) for the warning that preceded it. */
export default async function NewInterceptPage({ searchParams }: Props) {
  const actor = await requirePagePermission("actions:write");
  const { warning } = await searchParams;
  const linked = warning === undefined ? null : await readForPage(showWarning, actor, { id: warning });
  const [t, tw] = await Promise.all([getTranslations("field"), getTranslations("warnings")]);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href={linked ? `/field/warnings/${linked.id}` : "/field"} className="inline-flex min-h-11 items-center text-base text-brand-600">← {linked ? t("visit.title") : t("title")}</Link>
      <div>
        <h1 className="text-xl font-semibold">{t("intercept.title")}</h1>
        <p className="text-sm text-slate-500">{t("intercept.subtitle")}</p>
      </div>
      {linked ? (
        <Card className="flex flex-wrap items-center gap-2 p-3 text-sm">
          <span className="text-slate-500">{t("intercept.forWarning")}</span>
          <RiskBadge risk={linked.riskLevel} />
          <span>{tw(`fraudType.${linked.fraudType}`)}</span>
          <span>{linked.victimName}</span>
          <span className="font-mono">{linked.victimPhone}</span>
        </Card>
      ) : null}
      <Card className="p-4">
        <InterceptForm warningId={linked?.id} fraudType={linked?.fraudType} officer={actor.displayName} {...formClock()} />
      </Card>
    </div>
  );
}
