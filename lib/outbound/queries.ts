import "server-only";
// What the outbound admin page shows: the settings in force (with their versions) and the latest
// messages with their delivery state. Phones are masked; the text is what the person receives.
import { getDb } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { maskPhone } from "@/lib/pii";
import { assertRootAdmin } from "@/lib/settings/commands";
import { outboundSettings } from "@/lib/outbound/ladder";
import { OUTBOUND_LADDER_KEY } from "@/lib/outbound/ladder-config";
import { OUTBOUND_TEMPLATES_KEY } from "@/lib/outbound/templates";
import { feedbackTally } from "@/lib/feedback/queries";

export async function outboundAdminView(actor: Actor) {
  await assertRootAdmin(actor);
  const db = getDb();
  const [settings, versions, messages, counts, feedback] = await Promise.all([
    outboundSettings(db),
    db.appSetting.findMany({ where: { key: { in: [OUTBOUND_TEMPLATES_KEY, OUTBOUND_LADDER_KEY] } }, select: { key: true, version: true } }),
    db.outboundMessage.findMany({
      orderBy: { createdAt: "desc" }, take: 100,
      select: { id: true, warningId: true, channel: true, status: true, recipient: true, body: true, rung: true, attempts: true, lastError: true, result: true, notBefore: true, sentAt: true, resultAt: true, createdAt: true },
    }),
    db.outboundMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    feedbackTally(),
  ]);
  const versionOf = (key: string) => versions.find((v) => v.key === key)?.version ?? 0;
  return {
    ...settings,
    templatesVersion: versionOf(OUTBOUND_TEMPLATES_KEY),
    ladderVersion: versionOf(OUTBOUND_LADDER_KEY),
    messages: messages.map((m) => (m.channel === "BANK" || m.channel === "CARRIER"
      // A partner request carries account and phone numbers in full: the list names the document only.
      ? { ...m, body: partnerDocName(m.body) }
      // A feedback message's recipient is its source platform (NATIONAL, PROVINCIAL), not a phone.
      : { ...m, recipient: m.channel === "FEEDBACK" ? m.recipient : maskPhone(m.recipient) ?? "" })),
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Record<string, number>,
    feedback,
  };
}

function partnerDocName(body: string): string {
  try {
    const doc = JSON.parse(body) as { title?: string; docNumber?: string };
    return `${doc.title ?? ""} ${doc.docNumber ?? ""}`.trim();
  } catch {
    return "";
  }
}

export type OutboundAdminView = Awaited<ReturnType<typeof outboundAdminView>>;
