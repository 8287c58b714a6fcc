// The appeal deadline in working days (Monday to Friday; the platform holds no holiday calendar).
import { describe, expect, it } from "vitest";
import { addWorkingDays, deadlineFlag, isWorkingDay, workingDaysBetween, workingDaysLeft } from "@/lib/appeals/deadline";

describe("the appeal deadline", () => {
  it("skips weekends, never counts the day of receipt, and flags due soon (≤ 3 working days) and overdue", () => {
    expect(addWorkingDays("2026-12-04", 1)).toBe("2026-12-07"); // Friday → Monday
    expect(addWorkingDays("2026-12-05", 1)).toBe("2026-12-07"); // Saturday → Monday
    expect(addWorkingDays("2026-11-30", 15)).toBe("2026-12-21"); // Monday + 15 working days = three weeks
    expect(addWorkingDays("2026-12-02", 15)).toBe("2026-12-23");
    expect(workingDaysBetween("2026-12-04", "2026-12-08")).toBe(2);
    expect(workingDaysBetween("2026-12-08", "2026-12-04")).toBe(-2);
    expect(deadlineFlag("2026-12-09", "2026-12-04")).toBe("dueSoon"); // Mon, Tue, Wed
    expect(deadlineFlag("2026-12-10", "2026-12-04")).toBe(null);
    expect(deadlineFlag("2026-12-04", "2026-12-04")).toBe("dueSoon");
    expect(deadlineFlag("2026-12-03", "2026-12-04")).toBe("overdue");
  });

  it("shows an appeal past its deadline as overdue by at least one working day, weekends included", () => {
    // Deadline Friday 2026-12-04: due that day, overdue (not "due today") on the weekend after it.
    expect(workingDaysLeft("2026-12-04", "2026-12-04")).toBe(0);
    expect(workingDaysLeft("2026-12-04", "2026-12-05")).toBe(-1);
    expect(workingDaysLeft("2026-12-04", "2026-12-06")).toBe(-1);
    expect(workingDaysLeft("2026-12-04", "2026-12-07")).toBe(-1);
    expect(workingDaysLeft("2026-12-04", "2026-12-08")).toBe(-2);
    expect(workingDaysLeft("2026-12-08", "2026-12-04")).toBe(2);
    expect(deadlineFlag("2026-12-04", "2026-12-05")).toBe("overdue");
  });

  it("knows Monday to Friday", () => {
    expect(["2026-12-05", "2026-12-06", "2026-12-07"].map(isWorkingDay)).toEqual([false, false, true]);
    expect(workingDaysBetween("2026-12-05", "2026-12-06")).toBe(0);
    expect(addWorkingDays("2026-12-04", 0)).toBe("2026-12-04");
  });
});
