// The demo accounts. All share DEMO_PASSWORD and carry isDemo, so production refuses them.
import type { Role } from "@/lib/generated/prisma/enums";

export type DemoAccount = {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string;
  grants: string[];
  /** A fixed id, for an account added after the dataset was designed: drawing it from the seed's
   * random sequence would change every record generated after it. */
  id?: string;
};

export const DEMO_PASSWORD = "Shiyan@96110";

/** One account per role to try the platform with (the login page may list these). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "admin", displayName: "王敏", role: "ADMIN", unitCode: "420300", grants: [] },
  { username: "auditor", displayName: "陈静", role: "AUDITOR", unitCode: "420300", grants: [] },
  { username: "secofficer", displayName: "吴晓峰", role: "SECURITY_OFFICER", unitCode: "420300", grants: [], id: "01930000-0000-7000-8000-5ec0ff1ce001" },
  { username: "dispatcher", displayName: "李娜", role: "DISPATCHER", unitCode: "420300FZ", grants: [] },
  // The center's other shift: who takes over (接班) what the first hands on (交接班).
  { username: "dispatcher2", displayName: "马丽", role: "DISPATCHER", unitCode: "420300FZ", grants: [] },
  { username: "officer", displayName: "张伟", role: "OFFICER", unitCode: "42030201", grants: [] },
  { username: "officer2", displayName: "刘洋", role: "OFFICER", unitCode: "42039101", grants: [] },
  { username: "investigator", displayName: "赵磊", role: "INVESTIGATOR", unitCode: "420302", grants: [] },
  { username: "chief", displayName: "周建国", role: "INVESTIGATOR", unitCode: "420302", grants: ["cases:approve"] },
  { username: "leader", displayName: "孙立平", role: "LEADER", unitCode: "420300", grants: [] },
  // 大屏: the command hall's display; signs in without a second factor, from WALL_ALLOWED_ADDRESSES only.
  { username: "wall", displayName: "指挥大厅大屏", role: "WALL", unitCode: "420300FZ", grants: [], id: "01930000-0000-7000-8000-0000000a11a1" },
];

/**
 * Case handlers of the other branches that have cases in the demo history: a filing needs one
 * investigator to request it and another, holding "cases:approve", to decide it, inside the
 * case's own jurisdiction. They can log in like the accounts above.
 */
export const DEMO_STAFF: readonly DemoAccount[] = [
  { username: "inv.420303", displayName: "黄志强", role: "INVESTIGATOR", unitCode: "420303", grants: [] },
  { username: "chief.420303", displayName: "郭振华", role: "INVESTIGATOR", unitCode: "420303", grants: ["cases:approve"] },
  { username: "inv.420304", displayName: "何俊", role: "INVESTIGATOR", unitCode: "420304", grants: [] },
  { username: "chief.420304", displayName: "罗德海", role: "INVESTIGATOR", unitCode: "420304", grants: ["cases:approve"] },
  { username: "inv.420381", displayName: "梁晨", role: "INVESTIGATOR", unitCode: "420381", grants: [] },
  { username: "chief.420381", displayName: "邓建新", role: "INVESTIGATOR", unitCode: "420381", grants: ["cases:approve"] },
  { username: "inv.420391", displayName: "唐宇", role: "INVESTIGATOR", unitCode: "420391", grants: [] },
  { username: "chief.420391", displayName: "韩东", role: "INVESTIGATOR", unitCode: "420391", grants: ["cases:approve"] },
];

/** The branches that handle cases in the demo data, and who requests and approves there. */
export const CASE_TEAMS: Readonly<Record<string, { investigator: string; chief: string }>> = {
  "420302": { investigator: "investigator", chief: "chief" },
  "420303": { investigator: "inv.420303", chief: "chief.420303" },
  "420304": { investigator: "inv.420304", chief: "chief.420304" },
  "420381": { investigator: "inv.420381", chief: "chief.420381" },
  "420391": { investigator: "inv.420391", chief: "chief.420391" },
};

/** The precinct officer who works a unit's warnings in the demo, if any. */
export const OFFICER_OF_UNIT: Readonly<Record<string, string>> = {
  "42030201": "officer",
  "42039101": "officer2",
};
