import type { KpiDef } from "@/features/follow-up/model";

/** A KPI of a plan for pure tests: a plan-wide count, named by its code, with no target and no figures, unless `fields` say otherwise. */
export function kpiDef(code: string, fields: Partial<KpiDef> = {}): KpiDef {
  return {
    code,
    parentCode: null,
    projectNo: null,
    kind: "output",
    management: false,
    measure: "count",
    counting: "fiscal_year",
    unit: "件",
    groupJa: null,
    groupEn: null,
    nameJa: code,
    nameEn: code,
    target: null,
    targetQualifier: null,
    yearTargets: {},
    definitionJa: null,
    definitionEn: null,
    facts: [],
    ...fields,
  };
}
