import { cn } from "@/components/ui/cn";
import type { PublicityKind } from "@/lib/publicity/enums";

/** One colour per event type, so a month of events reads at a glance. */
export const KIND_COLORS: Record<PublicityKind, string> = {
  LECTURE: "bg-sky-100 text-sky-800",
  CAMPUS: "bg-violet-100 text-violet-800",
  COMMUNITY: "bg-emerald-100 text-emerald-800",
  ENTERPRISE: "bg-amber-100 text-amber-800",
  ELDERLY: "bg-rose-100 text-rose-800",
  ONLINE: "bg-indigo-100 text-indigo-800",
  MEDIA: "bg-teal-100 text-teal-800",
  OTHER: "bg-slate-100 text-slate-700",
};

export function KindBadge({ kind, label, className }: { kind: PublicityKind; label: string; className?: string }) {
  return <span className={cn("inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap", KIND_COLORS[kind], className)}>{label}</span>;
}
