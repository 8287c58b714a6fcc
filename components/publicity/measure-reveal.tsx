"use client";

import { revealMeasureAction } from "@/app/(app)/publicity/measures/actions";
import { RevealButton } from "@/components/pii/reveal-button";

/** One masked identity of a measure's person, revealed on request (the reason audited). */
export function MeasureReveal({ masked, id, field }: { masked: string; id: string; field: "personName" | "personIdNumber" }) {
  return (
    <RevealButton
      masked={masked}
      reveal={(reason) => revealMeasureAction(id, field, reason)}
    />
  );
}
