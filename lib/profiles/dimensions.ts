// The victim profile buckets, as the migration victim_profiles computes them (profile_contrib,
// profile_age_group, profile_amount_band): keep both in step. Client-safe: no server imports.
import { ContactChannel, FraudType, Gender } from "@/lib/generated/prisma/enums";

export const PROFILE_DIMS = ["age_fraud", "gender", "hour", "channel", "amount"] as const;
export type ProfileDim = (typeof PROFILE_DIMS)[number];

/** Age groups (years): under 18, 18–29, 30–44, 45–59, 60 and over, not stated. */
export const AGE_GROUPS = ["lt18", "18-29", "30-44", "45-59", "60+", "unknown"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/** Amount at risk (yuan): none stated, < 1 千, 1 千–1 万, 1–5 万, 5–20 万, ≥ 20 万. */
export const AMOUNT_BANDS = ["none", "lt1k", "1k-10k", "10k-50k", "50k-200k", "ge200k"] as const;
export type AmountBand = (typeof AMOUNT_BANDS)[number];

export const PROFILE_FRAUD_TYPES = Object.values(FraudType);
export const GENDERS = Object.values(Gender);
export const CHANNELS = Object.values(ContactChannel);
/** ISO weekdays, Monday = 1. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function ageGroupOf(age: number | null | undefined): AgeGroup {
  if (age === null || age === undefined) return "unknown";
  return age < 18 ? "lt18" : age < 30 ? "18-29" : age < 45 ? "30-44" : age < 60 ? "45-59" : "60+";
}

export function amountBandOf(yuan: number | null | undefined): AmountBand {
  if (yuan === null || yuan === undefined || yuan <= 0) return "none";
  return yuan < 1000 ? "lt1k" : yuan < 10_000 ? "1k-10k" : yuan < 50_000 ? "10k-50k" : yuan < 200_000 ? "50k-200k" : "ge200k";
}

/** The publicity target group an age group is best reached as (the "target this group" shortcut). */
export function targetGroupOf(age: AgeGroup): "STUDENTS" | "ELDERLY" | "ENTERPRISE_STAFF" | "RESIDENTS" {
  return age === "lt18" || age === "18-29" ? "STUDENTS" : age === "60+" ? "ELDERLY" : age === "30-44" ? "ENTERPRISE_STAFF" : "RESIDENTS";
}
