import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";

/**
 * The step before a request's printable document: the document shows the account and the holder in
 * full, so why it is opened is asked first and written to the audit trail with the opening (B10).
 * A plain GET form: the reason travels in the URL, and each opening is recorded.
 */
export async function DocumentReason({ id, invalid }: { id: string; invalid: boolean }) {
  const t = await getTranslations("requests");
  return (
    <Card className="max-w-xl space-y-4 p-5">
      <h2 className="text-base font-semibold">{t("doc.reasonTitle")}</h2>
      <p className="text-sm text-slate-600">{t("doc.reasonIntro")}</p>
      <form method="get" action={`/requests/${id}`} className="space-y-3" data-testid="document-reason-form">
        <Field id="reason" label={t("doc.reason")} error={invalid ? t("doc.reasonInvalid") : undefined}>
          <Input id="reason" name="reason" required minLength={4} maxLength={200} defaultValue={t("doc.reasonDefault")} invalid={invalid} />
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" data-testid="document-reason-submit">{t("doc.open")}</Button>
          <Link href="/requests" className="text-sm text-brand-600 hover:underline">← {t("doc.back")}</Link>
        </div>
      </form>
    </Card>
  );
}
