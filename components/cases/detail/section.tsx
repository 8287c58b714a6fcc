import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One part of the case page, with an anchor for the section tabs and an optional add form. */
export function Section({ id, title, count, children, form, formLabel }: {
  id: string;
  title: string;
  count?: number;
  children: ReactNode;
  form?: ReactNode;
  formLabel?: string;
}) {
  return (
    <Card className="scroll-mt-4 p-4 md:p-5" id={id} data-testid={`section-${id}`}>
      <h2 className="mb-3 text-base font-semibold text-slate-900">
        {title}
        {count !== undefined ? <span className="ml-2 text-sm font-normal text-slate-500">{count}</span> : null}
      </h2>
      {children}
      {form ? (
        <details className="mt-4 rounded-md border border-slate-200 bg-slate-50 p-3 open:bg-white">
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">{formLabel}</summary>
          <div className="mt-3">{form}</div>
        </details>
      ) : null}
    </Card>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}

export const th = "px-3 py-2 font-medium";
export const td = "px-3 py-2 align-top";
