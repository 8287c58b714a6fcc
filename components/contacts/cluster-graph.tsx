import type { Cluster } from "@/lib/contacts/queries";

/** Above this many records the graph is not drawn (the table stays). */
export const GRAPH_LIMIT = 150;

const ROW = 26;
const COL = { contact: 20, warning: 330, case: 640 } as const;
const NODE_W = 230;

const cut = (s: string, n = 26) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A layered drawing of a cluster, no layout engine: contacts on the left, warnings in the middle,
 * cases on the right, each column in order; a line joins a record to each contact it carries and a
 * warning to the case it became. Server-rendered SVG, every node a link.
 */
export function ClusterGraph({ cluster, labels, day }: {
  cluster: Cluster;
  labels: { contact: string; warning: string; case: string; title: string };
  day: (iso: string) => string;
}) {
  const { contacts, warnings, cases } = cluster;
  const rows = Math.max(contacts.length, warnings.length, cases.length, 1);
  const height = rows * ROW + 50;
  const y = (i: number, n: number) => 40 + ((i + 0.5) * (rows * ROW)) / Math.max(n, 1);
  const cy = new Map(contacts.map((c, i) => [c.id, y(i, contacts.length)]));
  const wy = new Map(warnings.map((w, i) => [w.id, y(i, warnings.length)]));
  const ky = new Map(cases.map((k, i) => [k.id, y(i, cases.length)]));
  const edge = (x1: number, y1: number, x2: number, y2: number, key: string, tone: string) => (
    <line key={key} x1={x1} y1={y1} x2={x2} y2={y2} stroke={tone} strokeWidth={1} opacity={0.6} />
  );
  return (
    <svg viewBox={`0 0 ${COL.case + NODE_W + 20} ${height}`} className="h-auto w-full min-w-[720px]" role="img" aria-label={labels.title} data-testid="cluster-graph">
      <text x={COL.contact} y={20} className="fill-slate-500 text-[12px]">{labels.contact}</text>
      <text x={COL.warning} y={20} className="fill-slate-500 text-[12px]">{labels.warning}</text>
      <text x={COL.case} y={20} className="fill-slate-500 text-[12px]">{labels.case}</text>
      {warnings.flatMap((w) => w.contactIds.filter((c) => cy.has(c)).map((c) => edge(COL.contact + NODE_W, cy.get(c)!, COL.warning, wy.get(w.id)!, `${c}-${w.id}`, "#94a3b8")))}
      {cases.flatMap((k) => k.contactIds.filter((c) => cy.has(c)).map((c) => edge(COL.contact + NODE_W, cy.get(c)!, COL.case, ky.get(k.id)!, `${c}-${k.id}`, "#f59e0b")))}
      {warnings.filter((w) => w.caseId && ky.has(w.caseId)).map((w) => edge(COL.warning + NODE_W, wy.get(w.id)!, COL.case, ky.get(w.caseId!)!, `${w.id}-${w.caseId}`, "#2563eb"))}
      {contacts.map((c) => (
        <a key={c.id} href={`/cases/links?contact=${c.id}`}>
          <rect x={COL.contact} y={cy.get(c.id)! - 10} width={NODE_W} height={20} rx={4} fill={c.id === cluster.contact.id ? "#fde68a" : "#fef3c7"} stroke="#d97706" />
          <text x={COL.contact + 6} y={cy.get(c.id)! + 4} className="fill-slate-900 font-mono text-[11px]">{cut(c.display)} · {c.records}</text>
        </a>
      ))}
      {warnings.map((w) => (
        <a key={w.id} href={`/warnings/${w.id}`}>
          <rect x={COL.warning} y={wy.get(w.id)! - 10} width={NODE_W} height={20} rx={4} fill="#f1f5f9" stroke="#64748b" />
          <text x={COL.warning + 6} y={wy.get(w.id)! + 4} className="fill-slate-800 text-[11px]">{cut(`${day(w.receivedAt)} ${w.unitName}`, 30)}</text>
        </a>
      ))}
      {cases.map((k) => (
        <a key={k.id} href={`/cases/${k.id}`}>
          <rect x={COL.case} y={ky.get(k.id)! - 10} width={NODE_W} height={20} rx={4} fill={k.groupId ? "#dbeafe" : "#eff6ff"} stroke="#2563eb" />
          <text x={COL.case + 6} y={ky.get(k.id)! + 4} className="fill-slate-900 font-mono text-[11px]">{cut(`${k.caseNumber} ${k.unitName}`, 30)}</text>
        </a>
      ))}
    </svg>
  );
}
