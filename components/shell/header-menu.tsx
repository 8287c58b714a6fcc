"use client";

import { useState, type ReactNode } from "react";
import { Menu, X } from "lucide-react";
import { cn } from "@/components/ui/cn";

/**
 * The header's secondary controls (language, account, sign out): inline from md up; on a phone
 * folded behind one button, so the header stays one row.
 */
export function HeaderMenu({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-label={label}
        aria-expanded={open}
        aria-controls="header-menu"
        onClick={() => setOpen((o) => !o)}
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 md:hidden"
      >
        {open ? <X className="size-5" aria-hidden /> : <Menu className="size-5" aria-hidden />}
      </button>
      <div
        id="header-menu"
        data-testid="header-menu"
        onClick={() => setOpen(false)}
        className={cn(
          open ? "absolute top-full right-2 z-40 flex min-w-40 flex-col items-stretch rounded-md border border-slate-200 bg-white p-1 shadow-lg" : "hidden",
          "md:static md:z-auto md:flex md:min-w-0 md:flex-row md:items-center md:gap-2 md:border-0 md:bg-transparent md:p-0 md:shadow-none",
        )}
      >
        {children}
      </div>
    </>
  );
}
