// 一人一档 at the article's scale, once the year is loaded, linked and indexed: the community
// lists the precincts imported (独居老人 and 学生, recorded labels) and the app follow-ups of every
// person dissuaded (the demo's statement), so the vulnerable lists and the app share have their
// real size. Deterministic: choices hash the person's id.
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { seedAppFollowUps } from "./demo-app-followups";

/**
 * Recorded labels from the precincts' community lists: a quarter of the warned people aged 65 or
 * more (独居老人) and a third of those aged 16–22 (学生), in the precinct of their latest warning,
 * imported on `now`. Returns the labels written.
 */
export async function labelCityYear(client: pg.ClientBase, now: Date): Promise<number> {
  const { rowCount } = await client.query(
    `INSERT INTO person_labels (id, "personId", label, "unitId", source, name, phone, address, community, "createdAt", "updatedAt")
     SELECT md5('label/' || x.pid::text)::uuid, x.pid, x.label::"PersonLabelKind", x.uid, 'IMPORT', x.name, x.phone, x.address,
            CASE x.label WHEN 'STUDENT' THEN (ARRAY['湖北汽车工业学院', '十堰职业技术学院', '湖北医药学院', '十堰市第一中学'])[1 + abs(hashtext(x.pid::text)) % 4]
                         ELSE (ARRAY['幸福社区', '和平社区', '滨江社区', '东岳社区', '白浪社区', '花园社区'])[1 + abs(hashtext(x.pid::text)) % 6] END,
            $1::timestamp, $1::timestamp
       FROM (SELECT DISTINCT ON (w."personId") w."personId" AS pid, w."unitId" AS uid, w."victimName" AS name, w."victimPhone" AS phone, w."victimAddress" AS address,
                    CASE WHEN w."victimAge" >= 65 THEN 'ELDERLY_ALONE' ELSE 'STUDENT' END AS label
               FROM warnings w JOIN units u ON u.id = w."unitId" AND u.kind = 'PRECINCT'
              WHERE w."personId" IS NOT NULL
                AND ((w."victimAge" >= 65 AND abs(hashtext(w."personId"::text)) % 4 = 0) OR (w."victimAge" BETWEEN 16 AND 22 AND abs(hashtext(w."personId"::text)) % 3 = 0))
              ORDER BY w."personId", w."receivedAt" DESC) x
     ON CONFLICT DO NOTHING`,
    [now.toISOString()],
  );
  return rowCount ?? 0;
}

/** The app follow-ups of every person dissuaded, as the demo makes them. Returns the follow-ups written. */
export async function followUpCityYear(client: pg.ClientBase, now: Date): Promise<number> {
  return seedAppFollowUps({
    $executeRaw: async (strings: TemplateStringsArray, ...values: unknown[]) => {
      const q = Prisma.sql(strings, ...values);
      return (await client.query(q.text, q.values.map((v) => (v instanceof Date ? v.toISOString() : v)))).rowCount ?? 0;
    },
  }, now);
}
