// 移交审核 in the demo: one transfer waiting for 中区派出所 (officer2) to accept or return, and one
// that 东城开发区派出所 (officer) returned with its reason — both proposed by the centre's dispatcher.
import type { Prisma } from "@/lib/generated/prisma/client";
import { CENTER_CODE } from "./units";
import { unitOf, userOf, type SeedContext } from "./context";

const ZHONGQU = "42039101";
const DONGCHENG = "42030201";
const HOUR = 3_600_000;

export function buildTransfers(ctx: SeedContext, warnings: Prisma.WarningCreateManyInput[]) {
  const transfers: Prisma.WarningTransferCreateManyInput[] = [];
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  const center = unitOf(ctx, CENTER_CODE);
  const zhongqu = unitOf(ctx, ZHONGQU);
  const dongcheng = unitOf(ctx, DONGCHENG);
  const dispatcher = userOf(ctx, "dispatcher");
  const officer = userOf(ctx, "officer");
  const officer2 = userOf(ctx, "officer2");
  // Open warnings of the centre, newest first (those of the two precincts stay theirs).
  const open = warnings
    .filter((w) => w.status !== "RESOLVED" && w.unitId === center.id)
    .sort((a, b) => new Date(b.receivedAt).getTime() - new Date(a.receivedAt).getTime());
  const [incoming, returned] = open;
  if (!incoming || !returned) return { transfers, notifications };
  const at = (w: Prisma.WarningCreateManyInput, hours: number) => new Date(Math.min(ctx.now.getTime() - 60_000, new Date(w.receivedAt).getTime() + hours * HOUR));

  const waitingId = ctx.rng.uuid(at(incoming, 0.2));
  transfers.push({
    id: waitingId, warningId: incoming.id!, fromUnitId: center.id, toUnitId: zhongqu.id, reason: "当事人现住东岳路中区社区，属中区派出所辖区，请上门劝阻",
    status: "PROPOSED", proposedById: dispatcher.id, proposedAt: at(incoming, 0.2),
  });
  notifications.push({
    id: ctx.rng.uuid(at(incoming, 0.2)), userId: officer2.id, kind: "transfer_proposed", dedupeKey: `transfer:${waitingId}:transfer_proposed`,
    entityType: "WarningTransfer", entityId: waitingId, data: { warningId: incoming.id! }, createdAt: at(incoming, 0.2),
  });

  const returnedId = ctx.rng.uuid(at(returned, 0.2));
  transfers.push({
    id: returnedId, warningId: returned.id!, fromUnitId: center.id, toUnitId: dongcheng.id, reason: "当事人住址登记在白浪，请东城开发区派出所核实处置",
    status: "RETURNED", proposedById: dispatcher.id, proposedAt: at(returned, 0.2), decidedById: officer.id, decidedAt: at(returned, 0.5),
    returnReason: "经社区民警核实，当事人已于上月迁居茅箭区二堰街道，不属本所辖区", version: 2,
  });
  notifications.push({
    id: ctx.rng.uuid(at(returned, 0.5)), userId: dispatcher.id, kind: "transfer_returned", dedupeKey: `transfer:${returnedId}:transfer_returned`,
    entityType: "WarningTransfer", entityId: returnedId, data: { warningId: returned.id! }, createdAt: at(returned, 0.5),
  });
  return { transfers, notifications };
}
