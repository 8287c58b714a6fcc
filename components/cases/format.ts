// Formatting shared by the case pages (server and client): durations in the user's language.

type T = (key: string, values?: Record<string, string | number>) => string;

/** 3 天 4 小时 / 2 小时 5 分 / 12 分钟 / 不到 1 分钟, from the `cases.duration` messages. */
export function formatDuration(ms: number, t: T): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t("duration.lessThanMinute");
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t("duration.days", { d, h });
  if (h > 0) return t("duration.hours", { h, m });
  return t("duration.minutes", { m });
}

export const STATUS_TONE = {
  REPORTED: "amber",
  PENDING_APPROVAL: "amber",
  FILED: "blue",
  INVESTIGATING: "blue",
  SOLVED: "green",
  PROSECUTED: "green",
  CLOSED: "slate",
  NOT_FILED: "slate",
  SUSPENDED: "red",
} as const;
