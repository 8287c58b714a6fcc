import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AuditQuery } from "@/lib/audit/schemas";
import { AUDIT_ACTION_GROUPS, type AuditActionGroup } from "@/lib/audit/actions";
import { actionName } from "@/lib/audit/display";
import { Field, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

/** A plain GET form: the filters live in the URL (empty fields are dropped by the page). */
export async function AuditFilters({ query }: { query: Partial<AuditQuery> }) {
  const t = await getTranslations("audit.filters");
  const ta = await getTranslations("audit");
  const groups = Object.entries(AUDIT_ACTION_GROUPS) as [AuditActionGroup, readonly string[]][];
  const text = (name: keyof AuditQuery, label: string, extra: { hint?: string; type?: string; placeholder?: string } = {}) => (
    <Field id={`f-${name}`} label={label} hint={extra.hint}>
      <Input id={`f-${name}`} name={name} type={extra.type ?? "text"} defaultValue={query[name] ?? ""} placeholder={extra.placeholder} maxLength={64} />
    </Field>
  );
  return (
    <form method="get" action="/audit" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="audit-filters">
      {text("from", t("from"), { type: "datetime-local" })}
      {text("to", t("to"), { type: "datetime-local" })}
      {text("actor", t("actor"))}
      {text("unit", t("unit"))}
      <Field id="f-action" label={t("action")} hint={t("actionHint")}>
        {/* A group is its prefix with the dot ("auth."), so it does not also match "authz.…". */}
        <Select id="f-action" name="action" defaultValue={query.action ?? ""}>
          <option value="">{t("anyAction")}</option>
          {groups.map(([group, actions]) => (
            <optgroup key={group} label={ta(`actionGroups.${group}`)}>
              <option value={`${group}.`}>{t("allOfGroup", { group: ta(`actionGroups.${group}`) })}</option>
              {actions.map((code) => <option key={code} value={code}>{actionName(ta, code)}</option>)}
            </optgroup>
          ))}
          {/* A filter from a link or an older bookmark keeps showing what it filters by. */}
          {query.action && !query.action.endsWith(".") && !groups.some(([, a]) => a.includes(query.action!)) ? <option value={query.action}>{query.action}</option> : null}
        </Select>
      </Field>
      {text("entityType", t("entityType"), { placeholder: "User, Warning, FraudCase…" })}
      {text("entityId", t("entityId"))}
      <Field id="f-success" label={t("success")}>
        <Select id="f-success" name="success" defaultValue={query.success ?? ""}>
          <option value="">{t("any")}</option>
          <option value="true">{t("ok")}</option>
          <option value="false">{t("failed")}</option>
        </Select>
      </Field>
      <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-4">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/audit" className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100">
          {t("reset")}
        </Link>
      </div>
    </form>
  );
}
