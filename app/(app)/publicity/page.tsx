import { requirePagePermission } from "@/lib/auth/guards";
import { ComingSoon } from "@/components/shell/coming-soon";

export default async function Page() {
  await requirePagePermission("publicity:read");
  return <ComingSoon feature="publicity" />;
}
