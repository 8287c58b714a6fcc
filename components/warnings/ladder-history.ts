// The dissuasion ladder's entries of a warning's history (lib/outbound/ladder.ts writes them): each
// rung as it fires and as it is answered — the SMS, the 闪信, each robot call, then the 96110 call
// task and the visit task handed over to people, and what a person did that stopped the ladder.
import type { WarningDetail } from "@/lib/warnings/queries";
import { actionResultKey } from "@/lib/warnings/action-labels";

type Translate = (key: string, values?: Record<string, string | number>) => string;
type LadderEvent = WarningDetail["ladderEvents"][number];

/** The rung's name: 预警短信, 闪信, 机器人外呼（第2次）, 96110人工回拨任务, 派出所上门任务. */
function rungName(rung: string, t: Translate): string {
  const [name, n] = rung.split("#");
  return n ? t(`ladderEvent.rung.${name}`, { n }) : t(`ladderEvent.rung.${name}`);
}

/** What a person did (`action:KIND:RESULT`, `status:STATUS`), or a receipt's result. */
function resultText(result: string, t: Translate): string {
  const [what, a, b] = result.split(":");
  if (what === "action") return t("ladderEvent.byAction", { kind: t(`actionKind.${a}`), result: t(actionResultKey(a!, b!)) });
  if (what === "status") return t("ladderEvent.byStatus", { status: t(`status.${a}`) });
  return t(`ladderEvent.result.${result}`);
}

export function ladderHistory(events: LadderEvent[], t: Translate) {
  return events.map((e) => ({
    key: e.id, at: e.at, ladder: true,
    text: e.event === "FIRED" ? t(`ladderEvent.fired.${e.rung.startsWith("HUMAN_CALL") || e.rung.startsWith("HOME_VISIT") ? "task" : "message"}`, { rung: rungName(e.rung, t) })
      : e.event === "STOPPED" ? t("ladderEvent.stopped", { by: resultText(e.result ?? "", t) })
      : e.result?.includes(":") ? t("ladderEvent.takenUp", { rung: rungName(e.rung, t), by: resultText(e.result, t) })
      : t("ladderEvent.answered", { rung: rungName(e.rung, t), result: resultText(e.result ?? "", t) }),
  }));
}
