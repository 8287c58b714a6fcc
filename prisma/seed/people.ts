// Generators for the people, places and fraud traces in the demo data. All values are made up
// but valid: mobiles match the mainland pattern, ID numbers pass GB 11643, cards pass Luhn.
import type { ContactChannel, FraudType, Gender } from "@/lib/generated/prisma/enums";
import { luhnCheckDigit, makeIdNumber } from "@/lib/pii";
import { DAY, type Rng } from "./random";
import type { UnitSeed } from "./units";

// Common surnames, the most frequent first and weighted so.
const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
  "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁",
  "潘", "蒋", "蔡", "余", "杜", "叶", "程", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "谭", "陆",
  "汪", "范", "石", "廖", "贾", "夏", "付", "方", "邹", "熊", "秦", "江", "尹", "段", "雷", "侯", "龙", "陶",
  "贺", "顾", "毛", "郝", "龚", "邵", "万", "严", "覃", "柯", "祝", "明", "向",
] as const;
const SURNAME_WEIGHTS = SURNAMES.map((s, i) => [s, 1 / Math.sqrt(i + 1)] as const);

const MALE_CHARS = "伟强磊军勇杰涛斌超明辉刚平鹏华建国志文峰波宇浩凯俊健龙飞鑫博翔林坤德海亮成新宏东振家兴晨".split("");
const FEMALE_CHARS = "芳娜敏静丽艳娟霞秀玲桂英萍红燕华琳雪倩婷颖慧莉璐欣怡佳悦梅兰琴月凤洁蓉晶春菊瑜".split("");

export function personName(rng: Rng, gender: Gender): string {
  const chars = gender === "FEMALE" ? FEMALE_CHARS : gender === "MALE" ? MALE_CHARS : [...MALE_CHARS, ...FEMALE_CHARS];
  const given = rng.chance(0.72) ? rng.pick(chars) + rng.pick(chars) : rng.pick(chars);
  return rng.weighted(SURNAME_WEIGHTS) + given;
}

const MOBILE_PREFIXES = [
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
  "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "186",
  "187", "188", "189", "191", "198", "199",
] as const;

export function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

/** County-level region codes of 十堰, for residents' ID numbers. */
export const LOCAL_REGIONS = ["420302", "420303", "420304", "420322", "420323", "420324", "420325", "420381"] as const;
/** Regions suspects often come from in telecom-fraud cases, plus a few local ones. */
export const SUSPECT_REGIONS = ["350583", "452124", "441581", "362330", "430524", "511303", "420302", "420303", "420381"] as const;

/** A valid ID number matching `age` (in whole years at `now`) and `gender`. */
export function idNumberFor(rng: Rng, now: Date, age: number, gender: Gender, regions: readonly string[] = LOCAL_REGIONS): string {
  const birth = new Date(now.getTime() - age * 365.25 * DAY - rng.int(1, 360) * DAY);
  const parity = gender === "FEMALE" ? 0 : gender === "MALE" ? 1 : rng.int(0, 1);
  return makeIdNumber(rng.pick(regions), birth, rng.int(0, 499) * 2 + parity);
}

const COMPLEXES = [
  "锦绣苑", "阳光家园", "馨苑小区", "鸿福小区", "绿洲家园", "香榭丽都", "翠苑", "惠民小区", "金色华庭",
  "丽景苑", "和谐家园", "玉泉小区", "汽配城家属院", "二汽宿舍", "学府花苑", "万达广场公寓",
] as const;
const VILLAGES = ["黄土梁", "石门", "双庙", "柏树坪", "枣树湾", "龙王沟", "桃园", "河口", "杨家坪", "青龙泉"] as const;

/** An address in `unit`'s area: it always contains one of the precinct's address keywords. */
export function addressIn(rng: Rng, unit: Pick<UnitSeed, "district" | "addressKeywords">): string {
  const keyword = rng.pick(unit.addressKeywords);
  const prefix = `湖北省十堰市${unit.district ?? ""}`;
  if (/[镇乡村]$/.test(keyword)) {
    return `${prefix}${keyword}${rng.pick(VILLAGES)}村${rng.int(1, 9)}组${rng.int(1, 60)}号`;
  }
  return `${prefix}${keyword}${rng.int(1, 199)}号${rng.pick(COMPLEXES)}${rng.int(1, 24)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
}

// Bank identification numbers of the banks with branches in 十堰.
export const BANKS = [
  { name: "中国工商银行", bin: "622202", length: 19 },
  { name: "中国农业银行", bin: "622848", length: 19 },
  { name: "中国银行", bin: "621661", length: 19 },
  { name: "中国建设银行", bin: "621700", length: 19 },
  { name: "交通银行", bin: "622262", length: 19 },
  { name: "中国邮政储蓄银行", bin: "621799", length: 19 },
  { name: "招商银行", bin: "622588", length: 16 },
  { name: "湖北银行", bin: "621270", length: 16 },
  { name: "湖北农信", bin: "621262", length: 19 },
] as const;

export function bankCard(rng: Rng, bank = rng.pick(BANKS)): { bankName: string; number: string } {
  const partial = bank.bin + rng.digits(bank.length - bank.bin.length - 1);
  return { bankName: bank.name, number: partial + luhnCheckDigit(partial) };
}

const APP_NAMES = ["鑫汇理财", "易借花", "云聊", "星火商城", "安心贷", "币安优选", "蜜语交友", "游易宝", "京惠客服", "众盈投资"] as const;
const URL_WORDS = ["hjcf-vip", "xinhuilicai", "jdsw-kefu", "yidai88", "game-trade", "zq-touzi", "tbfl-task", "gjzx-credit"] as const;
const URL_TLDS = ["top", "xyz", "cc", "vip", "cn.com"] as const;

const CHANNELS_BY_TYPE: Record<FraudType, readonly (readonly [ContactChannel, number])[]> = {
  REBATE_TASK: [["APP", 3], ["QQ", 2], ["WECHAT", 2], ["BANK_ACCOUNT", 1]],
  FAKE_INVESTMENT: [["URL", 3], ["APP", 3], ["WECHAT", 1]],
  FAKE_LOAN: [["APP", 3], ["URL", 2], ["PHONE", 1]],
  FAKE_CUSTOMER_SERVICE: [["PHONE", 5], ["SMS", 1]],
  IMPERSONATE_OFFICIAL: [["PHONE", 5], ["BANK_ACCOUNT", 1]],
  IMPERSONATE_ACQUAINTANCE: [["QQ", 2], ["WECHAT", 3]],
  FAKE_CREDIT: [["PHONE", 4], ["APP", 1]],
  ROMANCE: [["WECHAT", 3], ["APP", 2]],
  GAME_TRADING: [["QQ", 3], ["URL", 2]],
  ONLINE_SHOPPING: [["URL", 2], ["WECHAT", 2], ["SMS", 1]],
  OTHER: [["SMS", 2], ["PHONE", 2], ["BANK_ACCOUNT", 1], ["OTHER", 1]],
};

/** The fraudster's side of a warning: how they reached the victim. */
export function fraudContact(rng: Rng, fraudType: FraudType): { channel: ContactChannel; value: string } {
  const channel = rng.weighted(CHANNELS_BY_TYPE[fraudType]);
  switch (channel) {
    case "PHONE":
      return {
        channel,
        value: rng.weighted([
          [`00${rng.pick(["852", "63", "855", "95", "66"])}${rng.digits(9)}`, 4],
          [`${rng.pick(["170", "171", "165", "167"])}${rng.digits(8)}`, 3],
          [`950${rng.digits(5)}`, 1],
        ] as const),
      };
    case "SMS":
      return { channel, value: `1069${rng.digits(rng.int(8, 10))}` };
    case "WECHAT":
      return { channel, value: `wxid_${Array.from({ length: 14 }, () => "abcdefghijkmnpqrstuvwxyz23456789"[rng.int(0, 31)]).join("")}` };
    case "QQ":
      return { channel, value: String(rng.int(1, 9)) + rng.digits(rng.int(8, 9)) };
    case "URL":
      return { channel, value: `https://${rng.pick(URL_WORDS)}${rng.int(10, 999)}.${rng.pick(URL_TLDS)}/` };
    case "APP":
      return { channel, value: rng.pick(APP_NAMES) };
    case "BANK_ACCOUNT":
      return { channel, value: bankCard(rng).number };
    default:
      return { channel, value: `抖音号 dy${rng.digits(9)}` };
  }
}

/** Ages typical for the victims of each fraud type. */
export const VICTIM_AGES: Record<FraudType, readonly [number, number]> = {
  REBATE_TASK: [18, 38],
  FAKE_INVESTMENT: [28, 62],
  FAKE_LOAN: [20, 45],
  FAKE_CUSTOMER_SERVICE: [22, 66],
  IMPERSONATE_OFFICIAL: [20, 75],
  IMPERSONATE_ACQUAINTANCE: [30, 68],
  FAKE_CREDIT: [20, 40],
  ROMANCE: [24, 55],
  GAME_TRADING: [12, 24],
  ONLINE_SHOPPING: [16, 48],
  OTHER: [45, 82],
};

export const FRAUD_TYPE_WEIGHTS: readonly (readonly [FraudType, number])[] = [
  ["REBATE_TASK", 20], ["FAKE_INVESTMENT", 15], ["FAKE_LOAN", 10], ["FAKE_CUSTOMER_SERVICE", 12],
  ["IMPERSONATE_OFFICIAL", 8], ["IMPERSONATE_ACQUAINTANCE", 7], ["FAKE_CREDIT", 6], ["ROMANCE", 6],
  ["GAME_TRADING", 5], ["ONLINE_SHOPPING", 6], ["OTHER", 5],
];

/** One-line descriptions per fraud type, as a dispatcher would note them. */
export const FRAUD_NOTES: Record<FraudType, readonly string[]> = {
  REBATE_TASK: ["疑似被拉入刷单返利群，已按指令完成两笔垫付任务", "对方以“点赞关注领佣金”引流，诱导下载陌生APP做任务", "受害人称已垫付小额任务并收到返利，准备继续充值"],
  FAKE_INVESTMENT: ["被拉入“股票内幕交流群”，在虚假平台注册并小额试投", "自称导师推荐数字货币投资，承诺高额回报", "在陌生理财平台充值后显示盈利但无法提现"],
  FAKE_LOAN: ["下载网贷APP后被告知账户冻结，需缴纳解冻费", "对方以“刷流水提高额度”为由要求转账", "申请无抵押贷款被要求先交保证金"],
  FAKE_CUSTOMER_SERVICE: ["对方冒充快递客服称包裹丢失可理赔，要求开启屏幕共享", "冒充电商客服称误开通会员需关闭，否则每月扣费", "自称平台客服办理退款，诱导在借贷平台贷款"],
  IMPERSONATE_OFFICIAL: ["对方自称外地公安民警，称其涉嫌洗钱需将资金转入“安全账户”", "冒充检察院人员发送“通缉令”，要求配合资金清查", "自称社保局工作人员称医保卡异常，随后转接“警方”"],
  IMPERSONATE_ACQUAINTANCE: ["对方冒充单位领导添加QQ好友，要求先行垫付款项", "冒充亲属称急需用钱，要求转账到陌生账户", "自称老同学借钱周转，头像与昵称均为仿冒"],
  FAKE_CREDIT: ["对方称其征信有污点需注销校园贷账户，否则影响征信", "冒充银行客服称需“修复征信”，要求转账验证"],
  ROMANCE: ["网络交友对象引导其在博彩平台“稳赚”投注", "婚恋网站结识男友，以家人生病为由多次借钱"],
  GAME_TRADING: ["在非官方平台交易游戏账号，被要求缴纳解冻保证金", "未成年人购买游戏装备，被诱导扫码支付“认证费”"],
  ONLINE_SHOPPING: ["低价购买演唱会门票，付款后对方要求再付“手续费”", "朋友圈代购低价商品，付款后被拉黑"],
  OTHER: ["老年人参加保健品讲座后被推销“养老投资项目”", "收到中奖短信，要求先交个人所得税", "以“代办社保补贴”为名索要验证码"],
};
