// The messages of both languages, one file per feature (lib/i18n/messages/<locale>/<feature>.json),
// each holding its own top-level namespaces. Imported statically: the server's translations and the
// browser's share them, and the browser gets them in a script it caches rather than inside every
// page (they were 66 KB of each page's payload, twice over in its HTML). tests/unit/messages.test.ts
// holds this list to the folder.
import { createTranslator, type AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import zhAccount from "./messages/zh-CN/account.json";
import zhAdmin from "./messages/zh-CN/admin.json";
import zhApiKeys from "./messages/zh-CN/api-keys.json";
import zhAppeals from "./messages/zh-CN/appeals.json";
import zhAppfollowups from "./messages/zh-CN/appfollowups.json";
import zhApprovals from "./messages/zh-CN/approvals.json";
import zhAudit from "./messages/zh-CN/audit.json";
import zhAuth from "./messages/zh-CN/auth.json";
import zhCalls from "./messages/zh-CN/calls.json";
import zhCases from "./messages/zh-CN/cases.json";
import zhCommon from "./messages/zh-CN/common.json";
import zhField from "./messages/zh-CN/field.json";
import zhHandover from "./messages/zh-CN/handover.json";
import zhLinks from "./messages/zh-CN/links.json";
import zhMap from "./messages/zh-CN/map.json";
import zhNotifications from "./messages/zh-CN/notifications.json";
import zhOutbound from "./messages/zh-CN/outbound.json";
import zhPersons from "./messages/zh-CN/persons.json";
import zhPii from "./messages/zh-CN/pii.json";
import zhProfiles from "./messages/zh-CN/profiles.json";
import zhPublicity from "./messages/zh-CN/publicity.json";
import zhRequests from "./messages/zh-CN/requests.json";
import zhRevisits from "./messages/zh-CN/revisits.json";
import zhStats from "./messages/zh-CN/stats.json";
import zhTransfers from "./messages/zh-CN/transfers.json";
import zhVulnerable from "./messages/zh-CN/vulnerable.json";
import zhWall from "./messages/zh-CN/wall.json";
import zhWarnings from "./messages/zh-CN/warnings.json";
import enAccount from "./messages/en/account.json";
import enAdmin from "./messages/en/admin.json";
import enApiKeys from "./messages/en/api-keys.json";
import enAppeals from "./messages/en/appeals.json";
import enAppfollowups from "./messages/en/appfollowups.json";
import enApprovals from "./messages/en/approvals.json";
import enAudit from "./messages/en/audit.json";
import enAuth from "./messages/en/auth.json";
import enCalls from "./messages/en/calls.json";
import enCases from "./messages/en/cases.json";
import enCommon from "./messages/en/common.json";
import enField from "./messages/en/field.json";
import enHandover from "./messages/en/handover.json";
import enLinks from "./messages/en/links.json";
import enMap from "./messages/en/map.json";
import enNotifications from "./messages/en/notifications.json";
import enOutbound from "./messages/en/outbound.json";
import enPersons from "./messages/en/persons.json";
import enPii from "./messages/en/pii.json";
import enProfiles from "./messages/en/profiles.json";
import enPublicity from "./messages/en/publicity.json";
import enRequests from "./messages/en/requests.json";
import enRevisits from "./messages/en/revisits.json";
import enStats from "./messages/en/stats.json";
import enTransfers from "./messages/en/transfers.json";
import enVulnerable from "./messages/en/vulnerable.json";
import enWall from "./messages/en/wall.json";
import enWarnings from "./messages/en/warnings.json";

export type Messages = Record<string, unknown>;

/** The files of each locale, in file-name order (a namespace is declared in one file only). */
export const MESSAGE_FILES: Record<Locale, Record<string, Messages>> = {
  "zh-CN": {
    "account.json": zhAccount,
    "admin.json": zhAdmin,
    "api-keys.json": zhApiKeys,
    "appeals.json": zhAppeals,
    "appfollowups.json": zhAppfollowups,
    "approvals.json": zhApprovals,
    "audit.json": zhAudit,
    "auth.json": zhAuth,
    "calls.json": zhCalls,
    "cases.json": zhCases,
    "common.json": zhCommon,
    "field.json": zhField,
    "handover.json": zhHandover,
    "links.json": zhLinks,
    "map.json": zhMap,
    "notifications.json": zhNotifications,
    "outbound.json": zhOutbound,
    "persons.json": zhPersons,
    "pii.json": zhPii,
    "profiles.json": zhProfiles,
    "publicity.json": zhPublicity,
    "requests.json": zhRequests,
    "revisits.json": zhRevisits,
    "stats.json": zhStats,
    "transfers.json": zhTransfers,
    "vulnerable.json": zhVulnerable,
    "wall.json": zhWall,
    "warnings.json": zhWarnings,
  },
  "en": {
    "account.json": enAccount,
    "admin.json": enAdmin,
    "api-keys.json": enApiKeys,
    "appeals.json": enAppeals,
    "appfollowups.json": enAppfollowups,
    "approvals.json": enApprovals,
    "audit.json": enAudit,
    "auth.json": enAuth,
    "calls.json": enCalls,
    "cases.json": enCases,
    "common.json": enCommon,
    "field.json": enField,
    "handover.json": enHandover,
    "links.json": enLinks,
    "map.json": enMap,
    "notifications.json": enNotifications,
    "outbound.json": enOutbound,
    "persons.json": enPersons,
    "pii.json": enPii,
    "profiles.json": enProfiles,
    "publicity.json": enPublicity,
    "requests.json": enRequests,
    "revisits.json": enRevisits,
    "stats.json": enStats,
    "transfers.json": enTransfers,
    "vulnerable.json": enVulnerable,
    "wall.json": enWall,
    "warnings.json": enWarnings,
  },
};

const merged = new Map<Locale, Messages>();

/** All namespaces of a locale, merged once. */
export function messagesOf(locale: Locale): Messages {
  let m = merged.get(locale);
  if (!m) {
    m = Object.assign({}, ...Object.values(MESSAGE_FILES[locale])) as Messages;
    merged.set(locale, m);
  }
  return m;
}


/** A namespace's texts in a locale, for what is written outside a page (spreadsheets, CSV): ICU as on the pages. */
export function exportTranslator(locale: Locale, namespace: string): (key: string, values?: Record<string, string | number>) => string {
  // The catalog is untyped (read from JSON): keys are checked by the tests, not the compiler.
  return createTranslator({ locale, messages: messagesOf(locale) as AbstractIntlMessages, namespace }) as unknown as (key: string, values?: Record<string, string | number>) => string;
}
