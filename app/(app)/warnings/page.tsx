import { requirePagePermission } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/shell/coming-soon";

export default async function Page() {
  await requirePagePermission("warnings:triage");
  return <ComingSoon feature="warnings" />;
}
