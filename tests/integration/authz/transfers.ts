// Records of the warning transfers' matrix entries (移交审核): an open transfer of a warning of P to
// the other precinct of P's branch, proposed by an officer of P.
import { proposeTransfer } from "@/lib/warnings/transfers";
import { makeUser } from "@/tests/factories";
import type { World } from "./world";

export async function openTransfer(w: World) {
  const v = await w.make.warning();
  const proposer = (await makeUser(w.P, "OFFICER")).actor;
  return proposeTransfer(proposer, { id: v.id, version: v.version, toUnitCode: w.city.branches[0]!.precincts[1]!.code, reason: "当事人住址在邻所辖区" });
}
