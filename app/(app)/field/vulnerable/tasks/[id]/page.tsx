import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { uuidSchema } from "@/lib/validation/fields";
import { outreachTask } from "@/lib/persons/outreach";
import { Badge, Card } from "@/components/ui/card";
import { OutreachForm } from "@/components/vulnerable/outreach-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vulnerable"))("record.title") };
}

/** 登记走访: one outreach task of the officer's unit, phone first. */
export default async function OutreachTaskPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("warnings:work");
  const id = uuidSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const task = await outreachTask(actor, id.data).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations("vulnerable");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Link href="/field/vulnerable" className="inline-flex min-h-11 items-center text-base text-brand-600">← {t("title")}</Link>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-lg font-semibold">{t("record.title")}</h1>
        <Badge tone="amber">{t(`labels.${task.label}`)}</Badge>
      </div>
      <Card className="space-y-1 p-4 text-base">
        <p className="font-medium">{task.name ?? "—"}</p>
        {task.phone ? <p className="font-mono text-slate-700">{task.phone}</p> : null}
        <p className="text-sm break-words text-slate-600">{[task.community, task.address].filter(Boolean).join(" · ")}</p>
        <p className="text-sm text-slate-500">{task.title}</p>
      </Card>
      <Card className="p-4">
        <OutreachForm id={task.id} version={task.version} closed={task.status === "OPEN" ? null : { outcome: task.outcome, note: task.note }} />
      </Card>
    </div>
  );
}
