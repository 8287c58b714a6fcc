// Structured JSON logs on stdout. Callers pass ids and codes, never PII; redact() masks any that
// slips through (an error message quoting a value).
import { redact } from "@/lib/security/redact";

type Level = "debug" | "info" | "warn" | "error";

function write(level: Level, event: string, fields: Record<string, unknown> = {}) {
  const out: Record<string, unknown> = { t: new Date().toISOString(), level, event };
  for (const [k, v] of Object.entries(fields)) {
    out[k] = redact(v);
  }
  (level === "error" ? console.error : console.log)(JSON.stringify(out));
}

export const logger = {
  debug: (event: string, fields?: Record<string, unknown>) => write("debug", event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write("info", event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write("warn", event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write("error", event, fields),
};
