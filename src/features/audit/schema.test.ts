import { describe, expect, it } from "vitest";
import { auditFilterSchema } from "@/features/audit/schema";

const parse = (query: Record<string, unknown>) => auditFilterSchema.safeParse(query);

describe("the audit trail's filters", () => {
  it("reads the filters and the cursor of an older page", () => {
    expect(parse({ kpi: "pharma-out-1", fy: "２０２３", field: "value", before: "1234" }).data).toEqual({
      kpi: "pharma-out-1",
      fy: 2023,
      field: "value",
      before: 1234,
    });
    expect(parse({ before: "2147483647" }).data?.before).toBe(2147483647);
  });

  it("takes an empty value as no filter", () => {
    expect(parse({ kpi: "", fy: "", field: "", before: "" }).data).toEqual({ kpi: undefined, fy: undefined, field: undefined, before: undefined });
    expect(parse({}).data).toEqual({ kpi: undefined, fy: undefined, field: undefined, before: undefined });
  });

  it("refuses a cursor that is not an entry's id: a message key, never an exception", () => {
    for (const before of ["abc", "0", "-1", "01", "1.5", "1e3", " 12", "12 ", "0x10", "2147483648", "99999999999", "1".repeat(30), "１２"]) {
      const result = parse({ before });
      expect(result.success, before).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual(["auditFilterInvalid"]);
    }
    expect(parse({ before: ["1", "2"] }).error?.issues.map((i) => i.message)).toEqual(["auditFilterInvalid"]);
  });
});
