// The audit trail's catalogue of actions: every code the platform writes, grouped by the prefix
// before its first dot. The auditor's pages show each by its name (messages audit.actions, keyed by
// the code with dots as underscores) and filter by a picker built from this list. A code not listed
// here is still shown, as its code, and can be filtered by its group.

export const AUDIT_ACTION_GROUPS = {
  auth: ["auth.login", "auth.logout", "auth.lock", "auth.password.change", "auth.session.end", "auth.mfa", "auth.mfa.challenge", "auth.mfa.enroll.start", "auth.mfa.enroll", "auth.mfa.recovery-codes", "auth.mfa.remove"],
  authz: ["authz.denied"],
  pii: ["pii.reveal"],
  warning: ["warning.ingest", "warning.transition", "warning.reopen", "warning.dispatch", "warning.claim", "warning.assign", "warning.action", "warning.transfer.propose", "warning.transfer.accept", "warning.transfer.return", "warning.transfer.cancel"],
  field: ["field.home_visit", "field.follow_up_visit", "field.counter_intercept"],
  revisit: ["revisit.outcome"],
  appfollowup: ["appfollowup.outcome"],
  case: [
    "case.create", "case.facts.update", "case.victim.update", "case.transition", "case.submitted", "case.approved", "case.rejected", "case.transfer", "case.victim.add", "case.warning.link",
    "case.freeze.request", "case.freeze.update", "case.freeze.expiry_flagged", "case.freeze.expire", "case.suspect.add", "case.suspect.status",
    "case.suspect.gang", "case.gang.create", "case.gang.link", "case.gang.dismantle", "case.item.seize", "case.item.update", "case.recovery.record",
    "case.recovery.return", "case.contact.add", "case.link.propose", "case.link.confirm", "case.link.reject",
  ],
  publicity: [
    "publicity.event.create", "publicity.event.update", "publicity.count.create", "publicity.count.update", "publicity.counts.bulk",
    "publicity.counts.import", "publicity.measure.create", "publicity.measure.update", "publicity.measures.export", "publicity.campaign.create",
    "publicity.campaign.update", "publicity.appeal.register", "publicity.appeal.review", "publicity.appeal.decide", "publicity.appeal.withdraw",
    "publicity.appeal.deadline_flagged", "publicity.measure.revoke",
  ],
  stats: ["stats.export", "stats.surge.flagged"],
  user: ["user.create", "user.update", "user.disable", "user.enable", "user.mfa.reset", "user.sessions.end", "user.password.reset", "user.alert_prefs"],
  access: ["access.propose", "access.approve", "access.reject"],
  handover: ["handover.create", "handover.acknowledge"],
  unit: ["unit.create", "unit.update"],
  apikey: ["apikey.create", "apikey.revoke"],
  config: ["config.sla.update", "config.security.update", "config.revisits.update", "config.appeals.update", "config.outbound.update"],
  outbound: ["outbound.receipt.rejected"],
  request: ["request.create", "request.answer", "request.document", "request.lapse_flagged"],
  audit: ["audit.export", "audit.retention"],
  person: ["person.lookup", "person.label.add", "person.label.remove", "person.labels.import"],
  outreach: ["outreach.create", "outreach.outcome", "outreach.cancel"],
  map: ["map.boundaries.upload", "map.boundaries.reset"],
  call: ["call.event"],
} as const satisfies Record<string, readonly string[]>;

export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;
export const AUDIT_ACTIONS: readonly string[] = Object.values(AUDIT_ACTION_GROUPS).flat();
const KNOWN = new Set(AUDIT_ACTIONS);

export const isKnownAction = (code: string) => KNOWN.has(code);

/** The message key of a known action (next-intl keys cannot hold dots). */
export const actionMessageKey = (code: string) => code.replace(/\./g, "_");

/** The group an action belongs to, if its prefix names one. */
export function actionGroup(code: string): AuditActionGroup | null {
  const prefix = code.split(".")[0]!;
  return prefix in AUDIT_ACTION_GROUPS ? (prefix as AuditActionGroup) : null;
}
