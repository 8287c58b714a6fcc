import { revealCasePiiAction } from "@/app/(app)/cases/actions";
import { RevealButton } from "@/components/pii/reveal-button";

/**
 * A masked personal value; for users who may reveal, with the audited reveal control bound to this
 * record and field on the server (the full value is not in the page until asked for, with a reason).
 */
export function Pii({ entity, id, field, masked, canReveal }: {
  entity: "victim" | "suspect" | "freeze";
  id: string;
  field: string;
  masked: string | null;
  canReveal: boolean;
}) {
  if (!masked) return <span className="text-slate-400">—</span>;
  if (!canReveal) return <span className="font-mono">{masked}</span>;
  return <RevealButton masked={masked} reveal={revealCasePiiAction.bind(null, entity, id, field)} />;
}
