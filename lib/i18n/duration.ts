// A duration as people read it, from the `common.duration` messages: 2小时5分 / 2 h 5 min.

type T = (key: string, values?: Record<string, string | number>) => string;

/** Days and hours, hours and minutes, or minutes (at least 1); `t` is scoped to `common`. */
export function formatSpan(ms: number, t: T): string {
  const minutes = Math.max(1, Math.floor(Math.abs(ms) / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return h ? t("duration.daysHours", { d, h }) : t("duration.days", { d });
  if (h > 0) return m ? t("duration.hoursMinutes", { h, m }) : t("duration.hours", { h });
  return t("duration.minutes", { m });
}
