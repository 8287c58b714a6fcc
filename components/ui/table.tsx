import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

type Props = {
  /** The header cells (`<th>`), one row. */
  head: ReactNode;
  /** The body rows. */
  children: ReactNode;
  /** A totals row (`<tr>`), set off from the body. */
  foot?: ReactNode;
  testId?: string;
  /** The table's own classes: a minimum width, right-aligned figures. */
  className?: string;
  /** "card" (default) frames the table; "none" leaves it to the surrounding card. */
  frame?: "card" | "none";
  frameClassName?: string;
};

/** The platform's table: scrolls sideways when narrow, a muted header, divided rows, an optional totals row. */
export function DataTable({ head, children, foot, testId, className, frame = "card", frameClassName }: Props) {
  const table = (
    <table className={cn("w-full text-left text-sm", className)} data-testid={testId}>
      <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
        <tr>{head}</tr>
      </thead>
      <tbody className="divide-y divide-slate-100">{children}</tbody>
      {foot ? <tfoot className="border-t border-slate-200 bg-slate-50 font-semibold">{foot}</tfoot> : null}
    </table>
  );
  return frame === "card"
    ? <Card className={cn("overflow-x-auto", frameClassName)}>{table}</Card>
    : <div className={cn("overflow-x-auto", frameClassName)}>{table}</div>;
}
