// The case domain's value lists. Client-safe: forms import them without the schemas.
export const FRAUD_TYPES = [
  "REBATE_TASK", "FAKE_INVESTMENT", "FAKE_LOAN", "FAKE_CUSTOMER_SERVICE", "IMPERSONATE_OFFICIAL", "IMPERSONATE_ACQUAINTANCE",
  "FAKE_CREDIT", "ROMANCE", "GAME_TRADING", "ONLINE_SHOPPING", "OTHER",
] as const;
/** Sources of a direct report; WARNING cases are opened from a warning (openCaseFromWarning). */
export const REPORT_SOURCES = ["HOTLINE_110", "HOTLINE_96110", "WALK_IN", "ONLINE"] as const;
export const CASE_SOURCES = ["WARNING", ...REPORT_SOURCES] as const;
export const GENDERS = ["MALE", "FEMALE", "UNKNOWN"] as const;
export const FREEZE_KINDS = ["STOP_PAYMENT", "FREEZE"] as const;
export const FREEZE_STATUSES = ["REQUESTED", "EXECUTED", "PARTIAL", "FAILED", "EXPIRED", "RELEASED"] as const;
export const SUSPECT_STATUSES = ["WANTED", "ARRESTED", "DETAINED", "PROSECUTED", "RELEASED"] as const;
export const ITEM_TYPES = ["SIM_CARD", "BANK_CARD", "POS", "GOIP", "PHONE", "COMPUTER", "CASH", "OTHER"] as const;
export const DISPOSITIONS = ["HELD", "RETURNED", "CONFISCATED", "DESTROYED", "TRANSFERRED"] as const;
export const RECOVERY_METHODS = ["FROZEN_FUNDS", "SEIZED_CASH", "VOLUNTARY", "COURT_ORDER", "OTHER"] as const;
