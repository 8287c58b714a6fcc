// The demo dataset: the unit tree of 十堰市公安局, one account per role, and a month of warnings,
// dissuasion, cases and publicity, generated deterministically relative to `now`.
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF } from "./accounts";
import type { SeedContext, SeedUnit, SeedUser } from "./context";
import { buildCaseResults } from "./demo-case-results";
import { buildCases } from "./demo-cases";
import { buildCounterIntercepts } from "./demo-intercepts";
import { buildPrevention } from "./demo-prevention";
import { buildWarnings } from "./demo-warnings";
import { createRng } from "./random";
import { UNIT_TREE } from "./units";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_STAFF, type DemoAccount } from "./accounts";

const SEED = 96110;
// Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table.
const CHUNK = 1000;

/**
 * Loads the demo dataset into an empty database (migrations applied). Everything goes in one
 * transaction: a failure leaves the database as it was.
 */
export async function loadDemoData(db: Db, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(
    async (tx) => {
      if ((await tx.unit.count()) > 0) throw new Error("loadDemoData expects an empty database: units already exist");
      const ctx = createContext(now);
      await insert(tx, buildBase(ctx, passwordHash));

      const warnings = buildWarnings(ctx);
      const intercepts = buildCounterIntercepts(ctx);
      const cases = buildCases(ctx, warnings.defrauded); // sets caseId on the defrauded warnings
      const results = buildCaseResults(ctx, cases.planned, (c, kind, at, data) =>
        cases.events.push({ id: ctx.rng.uuid(at), caseId: c.row.id, kind, at, data, actorId: c.investigator.id }),
      );
      const prevention = buildPrevention(ctx, cases.planned);

      await insert(tx, {
        fraudCase: cases.planned.map((c) => c.row),
        caseVictim: cases.planned.flatMap((c) => c.victims),
        warning: warnings.warnings,
        warningTransition: warnings.transitions,
        dissuasionAction: [...warnings.actions, ...intercepts],
        slaBreach: warnings.breaches,
        caseApproval: cases.approvals,
        caseTransfer: cases.transfers,
        caseEvent: cases.events,
        freezeRequest: cases.planned.flatMap((c) => c.freezes),
        gang: results.gangs,
        suspect: results.suspects,
        caseSuspect: results.caseSuspects,
        gangCase: results.gangCases,
        seizedItem: results.seizedItems,
        fundRecovery: results.recoveries,
        publicityEvent: prevention.publicity,
        dailyCount: prevention.dailyCounts,
        disciplinaryMeasure: prevention.measures,
        preventionCampaign: prevention.campaigns,
      });
      await tx.appSetting.create({ data: { key: "demo", value: true } });
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Units and users get their ids up front, so every other row can point at them. */
function createContext(now: Date): SeedContext {
  const rng = createRng(SEED);
  const units = new Map<string, SeedUnit>(UNIT_TREE.map((u) => [u.code, { ...u, id: rng.uuid(now) }]));
  const users = new Map<string, SeedUser>(
    [...DEMO_ACCOUNTS, ...DEMO_STAFF].map((a) => {
      const unit = units.get(a.unitCode);
      if (!unit) throw new Error(`demo account ${a.username} names an unknown unit ${a.unitCode}`);
      return [a.username, { id: a.id ?? rng.uuid(now), username: a.username, displayName: a.displayName, role: a.role, unitCode: a.unitCode, unitId: unit.id }];
    }),
  );
  return { rng, now, units, users };
}

function buildBase(ctx: SeedContext, passwordHash: string): Pick<Rows, "unit" | "user"> {
  const accounts = new Map([...DEMO_ACCOUNTS, ...DEMO_STAFF].map((a) => [a.username, a]));
  return {
    unit: [...ctx.units.values()].map((u) => ({
      id: u.id, code: u.code, name: u.name, kind: u.kind, path: u.path, population: u.population, addressKeywords: u.addressKeywords,
      parentId: u.parentCode ? ctx.units.get(u.parentCode)!.id : null,
    })),
    user: [...ctx.users.values()].map((u) => ({
      id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId,
      grants: accounts.get(u.username)!.grants, passwordHash, isDemo: true,
    })),
  };
}

type Rows = {
  unit: Prisma.UnitCreateManyInput[];
  user: Prisma.UserCreateManyInput[];
  fraudCase: Prisma.FraudCaseCreateManyInput[];
  caseVictim: Prisma.CaseVictimCreateManyInput[];
  warning: Prisma.WarningCreateManyInput[];
  warningTransition: Prisma.WarningTransitionCreateManyInput[];
  dissuasionAction: Prisma.DissuasionActionCreateManyInput[];
  slaBreach: Prisma.SlaBreachCreateManyInput[];
  caseApproval: Prisma.CaseApprovalCreateManyInput[];
  caseTransfer: Prisma.CaseTransferCreateManyInput[];
  caseEvent: Prisma.CaseEventCreateManyInput[];
  freezeRequest: Prisma.FreezeRequestCreateManyInput[];
  gang: Prisma.GangCreateManyInput[];
  suspect: Prisma.SuspectCreateManyInput[];
  caseSuspect: Prisma.CaseSuspectCreateManyInput[];
  gangCase: Prisma.GangCaseCreateManyInput[];
  seizedItem: Prisma.SeizedItemCreateManyInput[];
  fundRecovery: Prisma.FundRecoveryCreateManyInput[];
  publicityEvent: Prisma.PublicityEventCreateManyInput[];
  dailyCount: Prisma.DailyCountCreateManyInput[];
  disciplinaryMeasure: Prisma.DisciplinaryMeasureCreateManyInput[];
  preventionCampaign: Prisma.PreventionCampaignCreateManyInput[];
};

/** Inserts each table's rows in the order given (parents before children), in chunks. */
async function insert(tx: Tx, rows: Partial<Rows>): Promise<void> {
  for (const [model, list] of Object.entries(rows) as [keyof Rows, object[]][]) {
    for (let i = 0; i < list.length; i += CHUNK) {
      // One delegate per model; the row types above keep each list matched to its table.
      const delegate = tx[model] as unknown as { createMany(args: { data: object[] }): Promise<unknown> };
      await delegate.createMany({ data: list.slice(i, i + CHUNK) });
    }
  }
}
