"use client";

import { useSyncExternalStore, type ButtonHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50",
  danger: "bg-red-600 text-white hover:bg-red-700",
  ghost: "text-slate-700 hover:bg-slate-100",
} as const;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS; size?: "sm" | "md" };

/**
 * A submit button waits for React: before hydration a press (or Enter in a field) would submit the
 * form natively, and the forms here take their submit in React. The browser would GET the page with
 * every field — a password, a phone or ID number — in the address, its history and the access logs,
 * the reload would empty what was typed, and a server action's confirm would be skipped.
 */
export function Button({ variant = "primary", size = "md", className, type = "button", disabled, ...props }: ButtonProps) {
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      disabled={disabled || (type === "submit" && !hydrated)}
      className={cn(
        "inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed",
        size === "md" ? "min-h-10 px-4 text-sm" : "min-h-8 px-2.5 text-xs",
        VARIANTS[variant],
        className,
      )}
      {...props}
    />
  );
}

const noSubscription = () => () => {};

/** False in the server's HTML and until hydration, true once React runs in the browser. */
function useHydrated() {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
