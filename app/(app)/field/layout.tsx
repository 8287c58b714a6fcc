import type { ReactNode } from "react";

/** The officer's pages: on a phone no text under 14 px (app/globals.css, .phone-text-floor). */
export default function FieldLayout({ children }: { children: ReactNode }) {
  return <div className="phone-text-floor">{children}</div>;
}
