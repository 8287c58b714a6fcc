// Fraud contacts' normal form, value for value the SQL function fraud_contact_norm() of migration
// fraud_contacts (the triggers and the backfill use that one; forms and the API use this one).
import { maskBankCard } from "@/lib/pii/mask";
import type { ContactChannel, FraudContactKind } from "@/lib/generated/prisma/enums";

export const FRAUD_CONTACT_KINDS = ["PHONE", "URL", "APP", "WECHAT", "QQ", "BANK_ACCOUNT"] as const satisfies readonly FraudContactKind[];

/** The normalised value, or null when the value names no contact of that kind. */
export function normalizeContact(kind: FraudContactKind, raw: string): string | null {
  if (typeof raw !== "string") return null;
  const v = raw;
  switch (kind) {
    case "PHONE": {
      const d = v.replace(/\D/g, "");
      const p = d.startsWith("0086") ? d.slice(4) : /^861[3-9]\d{9}$/.test(d) ? d.slice(2) : d;
      return /^\d{5,20}$/.test(p) ? p : null;
    }
    case "URL": {
      const u = v.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/[?#][\s\S]*$/, "").replace(/\/+$/, "");
      return /^\S{3,128}$/.test(u) ? u : null;
    }
    case "APP": {
      const a = v.trim().replace(/\s+/g, " ").toLowerCase();
      return a.length >= 1 && a.length <= 128 && !/[\u0000-\u001f\u007f]/.test(a) ? a : null;
    }
    case "WECHAT": {
      const w = v.replace(/\s/g, "").toLowerCase();
      return /^[a-z0-9_-]{3,64}$/.test(w) ? w : null;
    }
    case "QQ": {
      const q = v.replace(/\D/g, "");
      return /^[1-9]\d{4,11}$/.test(q) ? q : null;
    }
    case "BANK_ACCOUNT": {
      const b = v.replace(/\D/g, "");
      return /^\d{8,30}$/.test(b) ? b : null;
    }
    default:
      return null;
  }
}

/** The contact kind a warning's channel names (an SMS sender is a phone number; OTHER names none). */
export const kindOfChannel = (ch: ContactChannel): FraudContactKind | null => (ch === "SMS" ? "PHONE" : ch === "OTHER" ? null : ch);

/** How a contact is shown: bank accounts first 6 / last 4 (like the case's freezes), the rest as stored. */
export const displayContact = (kind: FraudContactKind, value: string): string => (kind === "BANK_ACCOUNT" ? (maskBankCard(value) ?? value) : value);
