// How the auditor's pages and exports name an action and a record, given the `audit` messages.
import { actionGroup, actionMessageKey, isKnownAction } from "@/lib/audit/actions";
import type { EntityRef } from "@/lib/audit/labels";

/** next-intl's translator of the `audit` namespace, as far as these helpers use it. */
export type AuditTranslator = {
  (key: string, values?: Record<string, string>): string;
  has(key: string): boolean;
};

/** 登录 for auth.login; an unlisted code of a known group as "预警 · warning.merge"; else the code. */
export function actionName(t: AuditTranslator, code: string): string {
  if (isKnownAction(code)) return t(`actions.${actionMessageKey(code)}`);
  const group = actionGroup(code);
  return group ? `${t(`actionGroups.${group}`)} · ${code}` : code;
}

/** "受害人 · 案件 420302-2026-00017", "预警 GJFZ-20261129-000001", "用户 · officer"; the id when nothing names it. */
export function entityText(t: AuditTranslator, r: { entityType: string | null; entityId: string | null; entity: EntityRef | null }): string {
  if (!r.entityType) return r.entityId ?? "";
  const type = t.has(`entityTypes.${r.entityType}`) ? t(`entityTypes.${r.entityType}`) : r.entityType;
  if (!r.entity) return r.entityId ? `${type} ${r.entityId}` : type;
  if (r.entity.kind === "name") return `${type} · ${r.entity.text}`;
  const ref = t(`entityRef.${r.entity.kind}`, { text: r.entity.text });
  // A case or a warning names itself; a sub-record names the case or warning it belongs to.
  const own = (r.entity.kind === "case" && r.entityType === "FraudCase") || (r.entity.kind === "warning" && r.entityType === "Warning");
  return own ? ref : `${type} · ${ref}`;
}
