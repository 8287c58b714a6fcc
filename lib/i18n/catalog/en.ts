// The English texts, one file per feature (lib/i18n/messages/en/<feature>.json), each holding
// its own top-level namespaces. A module per locale, so that the browser loads only the one it
// shows (components/shell/intl-provider.tsx); tests/unit/messages.test.ts holds it to the folder.
import account from "../messages/en/account.json";
import admin from "../messages/en/admin.json";
import apiKeys from "../messages/en/api-keys.json";
import appeals from "../messages/en/appeals.json";
import appfollowups from "../messages/en/appfollowups.json";
import approvals from "../messages/en/approvals.json";
import audit from "../messages/en/audit.json";
import auth from "../messages/en/auth.json";
import calls from "../messages/en/calls.json";
import cases from "../messages/en/cases.json";
import common from "../messages/en/common.json";
import field from "../messages/en/field.json";
import handover from "../messages/en/handover.json";
import links from "../messages/en/links.json";
import map from "../messages/en/map.json";
import notifications from "../messages/en/notifications.json";
import outbound from "../messages/en/outbound.json";
import persons from "../messages/en/persons.json";
import pii from "../messages/en/pii.json";
import profiles from "../messages/en/profiles.json";
import publicity from "../messages/en/publicity.json";
import requests from "../messages/en/requests.json";
import revisits from "../messages/en/revisits.json";
import stats from "../messages/en/stats.json";
import transfers from "../messages/en/transfers.json";
import vulnerable from "../messages/en/vulnerable.json";
import wall from "../messages/en/wall.json";
import warnings from "../messages/en/warnings.json";

/** Every namespace of the locale (no two files declare the same one). */
export const messages: Record<string, unknown> = {
  ...account, ...admin, ...apiKeys, ...appeals, ...appfollowups, ...approvals, ...audit, ...auth,
  ...calls, ...cases, ...common, ...field, ...handover, ...links, ...map, ...notifications,
  ...outbound, ...persons, ...pii, ...profiles, ...publicity, ...requests, ...revisits, ...stats,
  ...transfers, ...vulnerable, ...wall, ...warnings,
};
