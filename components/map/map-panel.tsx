"use client";

import { useRouter } from "next/navigation";
import { UnitMap, type UnitMapArea } from "@/components/map/unit-map";
import type { MapShapes } from "@/lib/map/shapes";

/** The statistics page's map: a click on a county with precincts opens its own map (drill-down). */
export function MapPanel({ areas, hrefs, shapes, metricLabel, legendLabels }: {
  areas: UnitMapArea[];
  /** The drill-down link of each selectable area. */
  hrefs: Record<string, string>;
  shapes: MapShapes;
  metricLabel: string;
  legendLabels: string[];
}) {
  const router = useRouter();
  return <UnitMap areas={areas} shapes={shapes} metricLabel={metricLabel} legendLabels={legendLabels} onSelect={(code) => hrefs[code] && router.push(hrefs[code])} />;
}
