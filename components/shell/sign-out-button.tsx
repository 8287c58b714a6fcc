"use client";

import { signOut } from "next-auth/react";
import { LogOut } from "lucide-react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/login" })}
      className="inline-flex min-h-11 items-center gap-1.5 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100"
    >
      <LogOut className="size-4" aria-hidden />
      {label}
    </button>
  );
}
