import { describe, expect, it } from "vitest";
import {
  countedYearLabel,
  fiscalYears,
  fourDigitYear,
  inSpan,
  spanYears,
  fyLabel,
  fyLabelsJa,
  fyShortLabel,
  meetingDateRange,
  parseCalendarDate,
  parseFiscalYear,
} from "./fiscal-year";

describe("fiscal-year labels", () => {
  it("prints Reiwa years in Japanese and FY in English", () => {
    expect(fyLabel(2022, "ja")).toBe("令和4年度");
    expect(fyLabel(2022, "en")).toBe("FY2022");
    expect(fyLabel(2020, "ja")).toBe("令和2年度");
    expect(fyLabel(2024, "ja")).toBe("令和6年度");
    expect(fyLabel(2029, "ja")).toBe("令和11年度");
    expect(fyShortLabel(2022, "ja")).toBe("R4");
    expect(fyShortLabel(2022, "en")).toBe("FY2022");
  });

  it("handles the Heisei→Reiwa boundary: FY2019 is 平成31年度 and 令和元年度", () => {
    expect(fyLabel(2019, "ja")).toBe("令和元年度");
    expect(fyLabelsJa(2019)).toEqual(["平成31年度", "令和元年度"]);
    expect(fyLabelsJa(2018)).toEqual(["平成30年度"]);
    expect(fyLabelsJa(2020)).toEqual(["令和2年度"]);
    expect(fyLabel(2018, "ja")).toBe("平成30年度");
    expect(fyLabel(1989, "ja")).toBe("平成元年度");
    expect(() => fyLabel(1988, "ja")).toThrow(RangeError);
    expect(() => fyLabel(2022.5, "en")).toThrow(RangeError);
  });

  it("reads fiscal years as people write them", () => {
    expect(parseFiscalYear("2022")).toBe(2022);
    expect(parseFiscalYear("２０２２")).toBe(2022);
    expect(parseFiscalYear(" FY2022 ")).toBe(2022);
    expect(parseFiscalYear("fy2022")).toBe(2022);
    expect(parseFiscalYear("令和４年度")).toBe(2022);
    expect(parseFiscalYear("令和4年度")).toBe(2022);
    expect(parseFiscalYear("R4")).toBe(2022);
    expect(parseFiscalYear("令和元年度")).toBe(2019);
    expect(parseFiscalYear("平成31年度")).toBe(2019);
    expect(parseFiscalYear("平成30年度")).toBe(2018);
    expect(parseFiscalYear("平成32年度")).toBeNull();
    expect(parseFiscalYear("令和0年度")).toBeNull();
    expect(parseFiscalYear("昭和60年度")).toBeNull();
    expect(parseFiscalYear("abc")).toBeNull();
  });

  it("round-trips every year of both plans in both languages", () => {
    for (const fy of fiscalYears(2019, 2029)) {
      expect(parseFiscalYear(fyLabel(fy, "ja"))).toBe(fy);
      expect(parseFiscalYear(fyLabel(fy, "en"))).toBe(fy);
      expect(parseFiscalYear(fyShortLabel(fy, "ja"))).toBe(fy);
    }
  });
});

describe("calendar dates as typed", () => {
  it("reads real dates, in full-width digits or with slashes", () => {
    expect(parseCalendarDate("2025-05-14")).toBe("2025-05-14");
    expect(parseCalendarDate("２０２５－０５－１４")).toBe("2025-05-14");
    expect(parseCalendarDate(" 2025/5/4 ")).toBe("2025-05-04");
    expect(parseCalendarDate("2024-02-29")).toBe("2024-02-29");
  });

  it("refuses what is not a date", () => {
    for (const bad of ["2025-13-45", "2025-02-29", "2025-04-31", "2025-00-10", "25-05-14", "2025-05-14T00:00", "", "令和7年5月14日"]) {
      expect(parseCalendarDate(bad), bad).toBeNull();
    }
  });

  it("gives the span in which a round's meeting can be", () => {
    expect(meetingDateRange(2024)).toEqual({ first: "2024-04-01", last: "2026-03-31" });
    expect(meetingDateRange(2021).first <= "2022-05-17" && "2022-05-17" <= meetingDateRange(2021).last).toBe(true);
  });
});

describe("a plan's span of fiscal years", () => {
  const span = { firstFy: 2020, lastFy: 2024 };
  it("knows its years, up to an as-of year", () => {
    expect(spanYears(span)).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(spanYears(span, 2022)).toEqual([2020, 2021, 2022]);
    expect(spanYears(span, 2030)).toHaveLength(5);
    expect([2019, 2020, 2024, 2025].map((fy) => inSpan(span, fy))).toEqual([false, true, true, false]);
  });
});

describe("a fiscal year in an address or a query", () => {
  it("is four digits, full-width or not; nothing else", () => {
    expect(["2022", "２０２２", " 2022 "].map(fourDigitYear)).toEqual([2022, 2022, 2022]);
    expect(["R4", "22", "20222", "2022.0", "FY2022", ""].map(fourDigitYear)).toEqual([null, null, null, null, null, null]);
  });
});

describe("the year a KPI counts", () => {
  it("is the fiscal year, or the calendar year the round reports", () => {
    expect(countedYearLabel(2025, "fiscal_year", "ja")).toBe("令和7年度");
    expect(countedYearLabel(2025, "fiscal_year", "en")).toBe("FY2025");
    expect(countedYearLabel(2025, "calendar_year", "ja")).toBe("2025年");
    expect(countedYearLabel(2025, "calendar_year", "en")).toBe("CY2025");
  });
});
