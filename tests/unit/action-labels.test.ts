import { describe, expect, it } from "vitest";
import { ActionKind, ActionResult } from "@/lib/generated/prisma/enums";
import { exportTranslator } from "@/lib/i18n/messages";
import { actionResultKey } from "@/lib/warnings/action-labels";

describe("an action's result as people read it", () => {
  const zh = exportTranslator("zh-CN", "warnings");
  it("is 已送达 / 未送达 for a text message and 已接通 / 未接听 for a call", () => {
    expect(zh(actionResultKey("SMS", "CONNECTED"))).toBe("已送达");
    expect(zh(actionResultKey("SMS", "UNANSWERED"))).toBe("未送达");
    expect(zh(actionResultKey("ROBOT_CALL", "CONNECTED"))).toBe("已接通");
    expect(zh(actionResultKey("HOTLINE_CALL", "UNANSWERED"))).toBe("未接听");
    expect(zh(actionResultKey("SMS", "DISSUADED"))).toBe("劝阻成功");
  });
  it("has a text in both languages for every kind and result", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const t = exportTranslator(locale, "warnings");
      for (const kind of Object.values(ActionKind)) {
        for (const result of Object.values(ActionResult)) {
          const key = actionResultKey(kind, result);
          expect(t(key), `${locale} ${key}`).not.toContain(key);
        }
      }
    }
  });
});
