// The Chinese texts, one file per feature (lib/i18n/messages/zh-CN/<feature>.json), each holding
// its own top-level namespaces. A module per locale, so that the browser loads only the one it
// shows (components/shell/intl-provider.tsx); tests/unit/messages.test.ts holds it to the folder.
import account from "../messages/zh-CN/account.json";
import admin from "../messages/zh-CN/admin.json";
import apiKeys from "../messages/zh-CN/api-keys.json";
import appeals from "../messages/zh-CN/appeals.json";
import appfollowups from "../messages/zh-CN/appfollowups.json";
import approvals from "../messages/zh-CN/approvals.json";
import audit from "../messages/zh-CN/audit.json";
import auth from "../messages/zh-CN/auth.json";
import calls from "../messages/zh-CN/calls.json";
import cases from "../messages/zh-CN/cases.json";
import common from "../messages/zh-CN/common.json";
import field from "../messages/zh-CN/field.json";
import handover from "../messages/zh-CN/handover.json";
import links from "../messages/zh-CN/links.json";
import map from "../messages/zh-CN/map.json";
import notifications from "../messages/zh-CN/notifications.json";
import outbound from "../messages/zh-CN/outbound.json";
import persons from "../messages/zh-CN/persons.json";
import pii from "../messages/zh-CN/pii.json";
import profiles from "../messages/zh-CN/profiles.json";
import publicity from "../messages/zh-CN/publicity.json";
import requests from "../messages/zh-CN/requests.json";
import revisits from "../messages/zh-CN/revisits.json";
import stats from "../messages/zh-CN/stats.json";
import transfers from "../messages/zh-CN/transfers.json";
import vulnerable from "../messages/zh-CN/vulnerable.json";
import wall from "../messages/zh-CN/wall.json";
import warnings from "../messages/zh-CN/warnings.json";

/** Every namespace of the locale (no two files declare the same one). */
export const messages: Record<string, unknown> = {
  ...account, ...admin, ...apiKeys, ...appeals, ...appfollowups, ...approvals, ...audit, ...auth,
  ...calls, ...cases, ...common, ...field, ...handover, ...links, ...map, ...notifications,
  ...outbound, ...persons, ...pii, ...profiles, ...publicity, ...requests, ...revisits, ...stats,
  ...transfers, ...vulnerable, ...wall, ...warnings,
};
