"use server";

import { dispatchWarning, takeNextWarning, transitionWarning } from "@/lib/warnings/commands";
import { callAction, formAction } from "@/lib/commands/action";
import { bulkAcknowledgeWarnings, bulkDispatchWarnings, logWarningCall } from "@/lib/warnings/commands";
import { createManualWarning } from "@/lib/warnings/ingest";
import { revealWarning } from "@/lib/warnings/reveal";

const warnings = { revalidate: ["/warnings"] } as const;

export const transitionAction = formAction(transitionWarning, warnings);

/** 签收 several warnings at once; each one that changed meanwhile is counted as failed, the rest go through. */
export const bulkAcknowledgeAction = callAction(bulkAcknowledgeWarnings, (items: unknown) => ({ items }), warnings);

export const bulkDispatchAction = callAction(
  bulkDispatchWarnings,
  (items: unknown, unitCode: unknown, note?: string) => ({ items, unitCode, ...(note ? { note } : {}) }),
  warnings,
);

export const dispatchAction = formAction(dispatchWarning, warnings);

export const logCallAction = formAction(logWarningCall, warnings);

export const takeNextAction = callAction(takeNextWarning, () => ({}), warnings);

/** Manual entry of a 96110 call or a walk-in: the same validation as the ingestion API. */
export const createManualWarningAction = formAction(createManualWarning, warnings);

export const revealAction = callAction(revealWarning, (id: string, field: string, reason: string) => ({ id, field, reason }));
