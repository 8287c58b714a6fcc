// 重点人群 in the demo: a community list of 东城开发区派出所 (officer) imported last month — elderly
// people living alone and students — and an open targeted outreach of its elderly not contacted in
// 90 days, so `officer` finds the vulnerable list and outreach visits on the phone. The persons are
// found or created by PostgreSQL (person_link), as the import does.
import { makeIdNumber } from "@/lib/pii";
import type { DriverSql } from "@/lib/db";
import { unitOf, userOf, type SeedContext } from "./context";

const DONGCHENG = "42030201";
const DAY = 86_400_000;

const PEOPLE = [
  { name: "张桂兰", born: 1948, label: "ELDERLY_ALONE", address: "东城开发区幸福路12号2单元301", community: "幸福社区" },
  { name: "李德明", born: 1951, label: "ELDERLY_ALONE", address: "东城开发区幸福路8号1单元102", community: "幸福社区" },
  { name: "王秀英", born: 1945, label: "ELDERLY_ALONE", address: "东城开发区白浪东路33号", community: "白浪社区" },
  { name: "陈志强", born: 1955, label: "ELDERLY_ALONE", address: "东城开发区龙门大道66号", community: "龙门社区" },
  { name: "刘思雨", born: 2007, label: "STUDENT", address: "东城开发区学府路3号（汽车职业技术学院）", community: "学府社区" },
  { name: "赵子涵", born: 2006, label: "STUDENT", address: "东城开发区学府路3号（汽车职业技术学院）", community: "学府社区" },
] as const;

export async function loadVulnerable(tx: DriverSql, ctx: SeedContext): Promise<void> {
  const unit = unitOf(ctx, DONGCHENG);
  const officer = userOf(ctx, "officer");
  const dispatcher = userOf(ctx, "dispatcher");
  const imported = new Date(ctx.now.getTime() - 30 * DAY);
  const elderly: string[] = [];
  for (const [i, p] of PEOPLE.entries()) {
    const id = makeIdNumber("420302", new Date(Date.UTC(p.born, (i * 3) % 12, 5 + i)), 700 + i);
    const phone = `1387280${String(1000 + i * 137).padStart(4, "0")}`;
    const [row] = await tx.$queryRaw<{ pid: string }[]>`
      INSERT INTO person_labels (id, "personId", label, "unitId", source, name, phone, "idNumber", address, community, "createdById", "createdAt", "updatedAt")
      VALUES (${ctx.rng.uuid(imported)}::uuid, person_link(${phone}, ${id}, 'person_labels', NULL), ${p.label}::"PersonLabelKind", ${unit.id}::uuid, 'IMPORT',
        ${p.name}, ${phone}, ${id}, ${p.address}, ${p.community}, ${officer.id}::uuid, ${imported}, ${imported})
      RETURNING "personId" AS pid`;
    if (p.label === "ELDERLY_ALONE") elderly.push(row!.pid);
  }
  const created = new Date(ctx.now.getTime() - 2 * DAY);
  const campaignId = ctx.rng.uuid(created);
  await tx.$executeRaw`
    INSERT INTO outreach_campaigns (id, "unitId", label, "notContactedDays", title, "taskCount", "createdById", "createdAt")
    VALUES (${campaignId}::uuid, ${unit.id}::uuid, 'ELDERLY_ALONE', 90, '定向走访：独居老人（东城开发区）', ${elderly.length}, ${dispatcher.id}::uuid, ${created})`;
  for (const pid of elderly) {
    await tx.$executeRaw`
      INSERT INTO outreach_tasks (id, "campaignId", "personId", "unitId", "createdAt", "updatedAt")
      VALUES (${ctx.rng.uuid(created)}::uuid, ${campaignId}::uuid, ${pid}::uuid, ${unit.id}::uuid, ${created}, ${created})`;
  }
}
