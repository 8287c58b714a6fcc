// Message templates per channel and fraud type (zh-CN), admin-editable (app setting
// outbound.templates). Placeholders: {name} (the victim's surname + 先生/女士 or 您), {fraudType}
// (the fraud type's name), {hotline} (96110). An SMS is billed per segment: 70 characters fit one,
// a longer text goes in parts of 67; a 闪信 is a single segment.
import { FraudType } from "@/lib/generated/prisma/enums";
import type { OutboundChannel } from "@/lib/generated/prisma/enums";
import type { FieldIssue } from "@/lib/errors";

export const OUTBOUND_TEMPLATES_KEY = "outbound.templates";
export const HOTLINE = "96110";
export const SINGLE_SEGMENT = 70;
export const MULTI_SEGMENT = 67;
/** The longest SMS the platform sends: 3 parts. */
export const MAX_SMS_SEGMENTS = 3;

export const FRAUD_TYPE_ZH: Record<FraudType, string> = {
  REBATE_TASK: "刷单返利", FAKE_INVESTMENT: "虚假投资理财", FAKE_LOAN: "虚假网络贷款", FAKE_CUSTOMER_SERVICE: "冒充电商物流客服",
  IMPERSONATE_OFFICIAL: "冒充公检法", IMPERSONATE_ACQUAINTANCE: "冒充领导熟人", FAKE_CREDIT: "虚假征信", ROMANCE: "网络婚恋交友",
  GAME_TRADING: "网络游戏产品虚假交易", ONLINE_SHOPPING: "虚假购物服务", OTHER: "电信网络诈骗",
};

/** The channels that carry a text to a person (a partner request carries its document as JSON, feedback its result). */
export type PersonChannel = Exclude<OutboundChannel, "BANK" | "CARRIER" | "FEEDBACK">;

const PERSON_CHANNELS: ReadonlySet<OutboundChannel> = new Set<PersonChannel>(["SMS", "FLASH", "ROBOT_CALL"]);

/**
 * The one split of the outbox's channels: a person's SMS, 闪信 and robot call (the ladder's
 * messages: on the warning's timeline, moved by their receipts) against a partner request (BANK,
 * CARRIER: tracked on its request) and feedback to a source platform (FEEDBACK: on its message only).
 */
export function isPersonChannel(channel: OutboundChannel): channel is PersonChannel {
  return PERSON_CHANNELS.has(channel);
}
export type Templates = Record<PersonChannel, Record<FraudType, string>>;

const perType = (make: (t: string) => string) =>
  Object.fromEntries(Object.values(FraudType).map((f) => [f, make(FRAUD_TYPE_ZH[f])])) as Record<FraudType, string>;

export const DEFAULT_TEMPLATES: Templates = {
  SMS: perType(() => "【反诈中心】{name}，您可能正遭遇{fraudType}诈骗！请立即停止转账，勿信陌生人指令。如有疑问请拨打{hotline}。"),
  FLASH: perType(() => "【反诈预警】{name}，您正遭遇{fraudType}诈骗，请立即停止转账！咨询{hotline}"),
  ROBOT_CALL: perType(() => "您好，这里是反诈中心。{name}，系统监测到您可能正遭遇{fraudType}诈骗。请立即停止一切转账操作，不要相信任何要求您转账的人。如需帮助，请拨打{hotline}。"),
};

/** How {name} reads: 张先生 / 张女士 from the name and gender, 您 when unknown. */
export function salutation(name: string | null | undefined, gender?: string | null): string {
  // The first character, not the first UTF-16 unit: 𠮷 is two.
  const surname = name ? Array.from(name.trim())[0] : undefined;
  if (!surname) return "您";
  return `${surname}${gender === "FEMALE" ? "女士" : gender === "MALE" ? "先生" : "先生/女士"}`;
}

export function render(template: string, v: { name: string; fraudType: FraudType }): string {
  return template.replaceAll("{name}", v.name).replaceAll("{fraudType}", FRAUD_TYPE_ZH[v.fraudType]).replaceAll("{hotline}", HOTLINE);
}

/** SMS segments of a text: 1 up to 70 characters, then parts of 67. */
export function segments(text: string): number {
  const n = [...text].length;
  return n <= SINGLE_SEGMENT ? 1 : Math.ceil(n / MULTI_SEGMENT);
}

const KNOWN = new Set(["{name}", "{fraudType}", "{hotline}"]);

/**
 * The problems of a set of templates, each naming its field (`SMS.REBATE_TASK`): an unknown
 * placeholder, and a text too long once rendered with the longest salutation (5 characters) —
 * a 闪信 must fit one segment, an SMS three.
 */
export function templateIssues(t: Templates): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const channel of ["SMS", "FLASH", "ROBOT_CALL"] as const) {
    for (const f of Object.values(FraudType)) {
      const text = t[channel][f];
      const path = `${channel}.${f}`;
      const unknown = (text.match(/\{[^}]*\}/g) ?? []).filter((p) => !KNOWN.has(p));
      if (unknown.length) {
        issues.push({ path, code: "unknown_placeholder", message: `unknown placeholder ${unknown[0]}: use {name}, {fraudType}, {hotline}` });
        continue;
      }
      if (channel === "ROBOT_CALL") continue;
      const worst = render(text, { name: "欧阳先生/女士", fraudType: f });
      const n = segments(worst);
      if (channel === "FLASH" && n > 1) issues.push({ path, code: "too_long", message: `a 闪信 is one segment of ${SINGLE_SEGMENT} characters; this one renders to ${[...worst].length}` });
      if (channel === "SMS" && n > MAX_SMS_SEGMENTS) issues.push({ path, code: "too_long", message: `at most ${MAX_SMS_SEGMENTS} segments of ${MULTI_SEGMENT} characters; this one renders to ${[...worst].length}` });
    }
  }
  return issues;
}
