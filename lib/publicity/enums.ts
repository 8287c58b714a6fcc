// The publicity domain's enumerations as ordered lists (forms, filters, tables), from the
// generated Prisma enums so they cannot drift from the schema. Client-safe: no Prisma runtime.
import {
  CampaignKind, CampaignStatus, DailyMetric, MeasureKind, PublicityKind, TargetGroup,
} from "@/lib/generated/prisma/enums";

const values = <T extends Record<string, string>>(e: T) => Object.values(e) as [T[keyof T], ...T[keyof T][]];

export const PUBLICITY_KINDS = values(PublicityKind);
export const TARGET_GROUPS = values(TargetGroup);
export const DAILY_METRICS = values(DailyMetric);
export const MEASURE_KINDS = values(MeasureKind);
export const CAMPAIGN_KINDS = values(CampaignKind);
export const CAMPAIGN_STATUSES = values(CampaignStatus);

export type { CampaignKind, CampaignStatus, DailyMetric, MeasureKind, PublicityKind, TargetGroup };
