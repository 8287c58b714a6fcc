import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const TONE = {
  CRITICAL: "bg-red-700 text-white",
  HIGH: "bg-orange-500 text-white",
  MEDIUM: "bg-amber-200 text-amber-900",
  LOW: "bg-slate-200 text-slate-700",
} as const;

export function RiskBadge({ risk }: { risk: keyof typeof TONE }) {
  const t = useTranslations("warnings.risk");
  return <span className={cn("inline-block min-w-12 rounded px-1.5 py-0.5 text-center text-xs font-semibold", TONE[risk])}>{t(risk)}</span>;
}
