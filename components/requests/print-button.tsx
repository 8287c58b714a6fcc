"use client";

import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Prints the document (the page's print styles leave only the sheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" className="min-h-11 gap-1" onClick={() => window.print()} data-testid="print-request">
      <Printer className="size-4" aria-hidden />{label}
    </Button>
  );
}
