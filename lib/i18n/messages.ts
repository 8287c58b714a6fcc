import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Locale } from "@/lib/i18n/locales";

// Messages live in one file per feature (lib/i18n/messages/<locale>/<feature>.json), each holding
// its own top-level namespaces; the request merges them all.
const DIR = path.join(process.cwd(), "lib/i18n/messages");
const cache = new Map<Locale, Record<string, unknown>>();

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const hit = cache.get(locale);
  if (hit) return hit;
  const dir = path.join(DIR, locale);
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const merged: Record<string, unknown> = {};
  for (const f of files) Object.assign(merged, JSON.parse(await readFile(path.join(dir, f), "utf8")));
  cache.set(locale, merged);
  return merged;
}
