// The unit tree of 十堰市公安局: city bureau → 反诈中心 and ten branches → their precincts.
// Precinct codes are the branch code plus two digits. Populations are in residents and add up
// from precincts to branches to the city (≈ 3.2 M).
import type { UnitKind } from "@/lib/generated/prisma/enums";

export type UnitSeed = {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  /** Codes from the root down to this unit, joined by "/". */
  path: string;
  population: number | null;
  /** Streets, communities, towns of a precinct's area; generated addresses use them. */
  addressKeywords: string[];
  /** District or county an address in this unit names (demo data only, not stored). */
  district: string | null;
};

type PrecinctDef = { code: string; name: string; population: number; keywords: string[] };
type BranchDef = { code: string; name: string; district: string; precincts: PrecinctDef[] };

const CITY = { code: "420300", name: "十堰市公安局" } as const;
const CENTER = { code: "420300FZ", name: "十堰市公安局反诈中心" } as const;

// Keywords are unique across precincts and none contains another, so an address names one precinct.
const BRANCHES: BranchDef[] = [
  {
    code: "420302", name: "茅箭区分局", district: "茅箭区", precincts: [
      { code: "42030201", name: "东城开发区派出所", population: 128_000, keywords: ["东城开发区", "白浪", "东环路", "许家棚"] },
      { code: "42030202", name: "朝阳派出所", population: 142_000, keywords: ["朝阳中路", "五堰", "二堰", "北京北路"] },
      { code: "42030203", name: "武当路派出所", population: 121_000, keywords: ["武当路", "人民北路", "上海路"] },
      { code: "42030204", name: "茅塔派出所", population: 79_000, keywords: ["茅塔乡", "赛武当", "大川镇"] },
    ],
  },
  {
    code: "420303", name: "张湾区分局", district: "张湾区", precincts: [
      { code: "42030301", name: "车城路派出所", population: 118_000, keywords: ["车城路", "三堰", "人民中路"] },
      { code: "42030302", name: "红卫派出所", population: 96_000, keywords: ["红卫街道", "工业新区", "浙江路"] },
      { code: "42030303", name: "汉江路派出所", population: 104_000, keywords: ["汉江路", "公园路", "阳光社区"] },
      { code: "42030304", name: "西城开发区派出所", population: 82_000, keywords: ["西城开发区", "花果街道", "黄龙镇"] },
    ],
  },
  {
    code: "420304", name: "郧阳区分局", district: "郧阳区", precincts: [
      { code: "42030401", name: "郧阳城关派出所", population: 236_000, keywords: ["郧阳区城关镇", "沙洲路", "东岭"] },
      { code: "42030402", name: "茶店派出所", population: 142_000, keywords: ["茶店镇", "樱桃沟"] },
      { code: "42030403", name: "柳陂派出所", population: 122_000, keywords: ["柳陂镇", "辽瓦店"] },
    ],
  },
  {
    code: "420322", name: "郧西县公安局", district: "郧西县", precincts: [
      { code: "42032201", name: "郧西城关派出所", population: 186_000, keywords: ["郧西县城关镇", "天河大道", "观音镇"] },
      { code: "42032202", name: "上津派出所", population: 98_000, keywords: ["上津镇", "店子镇"] },
      { code: "42032203", name: "涧池派出所", population: 96_000, keywords: ["涧池乡", "下营村"] },
    ],
  },
  {
    code: "420323", name: "竹山县公安局", district: "竹山县", precincts: [
      { code: "42032301", name: "竹山城关派出所", population: 172_000, keywords: ["竹山县城关镇", "府前街", "北大街"] },
      { code: "42032302", name: "宝丰派出所", population: 88_000, keywords: ["宝丰镇", "擂鼓镇"] },
      { code: "42032303", name: "麻家渡派出所", population: 80_000, keywords: ["麻家渡镇", "溢水镇"] },
    ],
  },
  {
    code: "420324", name: "竹溪县公安局", district: "竹溪县", precincts: [
      { code: "42032401", name: "竹溪城关派出所", population: 128_000, keywords: ["竹溪县城关镇", "县河镇", "龙湖路"] },
      { code: "42032402", name: "水坪派出所", population: 72_000, keywords: ["水坪镇", "中峰镇"] },
      { code: "42032403", name: "蒋家堰派出所", population: 70_000, keywords: ["蒋家堰镇", "丰溪镇"] },
    ],
  },
  {
    code: "420325", name: "房县公安局", district: "房县", precincts: [
      { code: "42032501", name: "房县城关派出所", population: 168_000, keywords: ["房县城关镇", "西关印象", "东关社区"] },
      { code: "42032502", name: "军店派出所", population: 96_000, keywords: ["军店镇", "红塔镇"] },
      { code: "42032503", name: "土城派出所", population: 86_000, keywords: ["土城镇", "门古寺镇"] },
    ],
  },
  {
    code: "420381", name: "丹江口市公安局", district: "丹江口市", precincts: [
      { code: "42038101", name: "均州路派出所", population: 112_000, keywords: ["均州路", "丹赵路", "三官殿"] },
      { code: "42038102", name: "大坝派出所", population: 96_000, keywords: ["大坝街道", "丹江大道", "左岸花园"] },
      { code: "42038103", name: "六里坪派出所", population: 74_000, keywords: ["六里坪镇", "浪河镇"] },
      { code: "42038104", name: "土关垭派出所", population: 68_000, keywords: ["土关垭镇", "习家店镇"] },
    ],
  },
  {
    code: "420390", name: "武当山特区公安局", district: "武当山特区", precincts: [
      { code: "42039001", name: "太和派出所", population: 22_000, keywords: ["太和街道", "玄岳门", "琼台"] },
      { code: "42039002", name: "老营派出所", population: 18_000, keywords: ["武当山镇", "老营宫", "遇真宫"] },
    ],
  },
  {
    code: "420391", name: "东岳分局", district: "张湾区", precincts: [
      { code: "42039101", name: "中区派出所", population: 48_000, keywords: ["东岳路", "中区社区", "湖北汽车工业学院"] },
      { code: "42039102", name: "东风大道派出所", population: 41_000, keywords: ["东风大道", "火箭路", "茅坪"] },
      { code: "42039103", name: "柏林派出所", population: 31_000, keywords: ["柏林镇", "发动机厂"] },
    ],
  },
];

function buildTree(): UnitSeed[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const branchPopulation = (b: BranchDef) => sum(b.precincts.map((p) => p.population));
  const units: UnitSeed[] = [
    {
      code: CITY.code, name: CITY.name, kind: "CITY", parentCode: null, path: CITY.code,
      population: sum(BRANCHES.map(branchPopulation)), addressKeywords: [], district: null,
    },
    {
      code: CENTER.code, name: CENTER.name, kind: "CENTER", parentCode: CITY.code, path: `${CITY.code}/${CENTER.code}`,
      population: null, addressKeywords: [], district: null,
    },
  ];
  for (const b of BRANCHES) {
    const branchPath = `${CITY.code}/${b.code}`;
    units.push({
      code: b.code, name: b.name, kind: "BRANCH", parentCode: CITY.code, path: branchPath,
      population: branchPopulation(b), addressKeywords: [], district: b.district,
    });
    for (const p of b.precincts) {
      units.push({
        code: p.code, name: p.name, kind: "PRECINCT", parentCode: b.code, path: `${branchPath}/${p.code}`,
        population: p.population, addressKeywords: p.keywords, district: b.district,
      });
    }
  }
  return units;
}

/** Every unit, parents before children. */
export const UNIT_TREE: readonly UnitSeed[] = buildTree();

export const CITY_CODE = CITY.code;
export const CENTER_CODE = CENTER.code;
