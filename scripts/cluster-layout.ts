// Where `npm run cluster` keeps its parts (scripts/cluster.ts), shared with those that drive it
// from outside (`npm run bench:cluster`): the folder, the ports, the nodes' names and credentials.
import path from "node:path";

export const CLUSTER_USER = "fanzha";
export const CLUSTER_PASSWORD = "fanzha-local";
export const CLUSTER_DB = "fanzha";
// Node names double as application_name and replication slot name: identifiers, no hyphens.
export const NODES = ["node_a", "node_b"] as const;

/** The layout for CLUSTER_DIR, CLUSTER_PORT and CLUSTER_PG_PORT (defaults .data/cluster, 3370, 56370). */
export function clusterLayout(e: Record<string, string | undefined> = process.env) {
  const base = Number(e.CLUSTER_PORT ?? 3370);
  const pgBase = Number(e.CLUSTER_PG_PORT ?? 56370);
  return {
    root: path.resolve(e.CLUSTER_DIR ?? ".data/cluster"),
    ports: {
      http: base, apps: [base + 1, base + 2], agents: [base + 11, base + 12], stats: base + 20,
      nodes: [pgBase, pgBase + 1], bouncer: pgBase + 2, primary: pgBase + 3, replica: pgBase + 4,
    },
  };
}

/** A connection URL on one of the cluster's PostgreSQL ports. */
export const clusterUrl = (port: number, db = CLUSTER_DB) => `postgresql://${CLUSTER_USER}:${CLUSTER_PASSWORD}@127.0.0.1:${port}/${db}`;
