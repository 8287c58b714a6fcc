import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/guards";
import { boundaryStatus } from "@/lib/map/queries";
import { Card, PageHeader } from "@/components/ui/card";
import { BoundaryUpload } from "@/components/map/boundary-upload";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mapAdmin"))("title") };
}

/** 地图边界: the administrator uploads official boundaries, or goes back to the schematic. */
export default async function MapBoundariesPage() {
  const actor = await requirePagePermission("map:manage");
  const [status, t, tm, format] = await Promise.all([boundaryStatus(actor), getTranslations("mapAdmin"), getTranslations("map"), getFormatter()]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Card className="p-5">
        <p className="mb-4 text-base font-medium" data-testid="boundary-status">
          {status
            ? t("current", { crs: tm(`crs.${status.crs}`), count: status.featureCount, date: format.dateTime(status.createdAt, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Shanghai" }) })
            : t("none")}
        </p>
        <BoundaryUpload active={!!status} />
      </Card>
    </>
  );
}
