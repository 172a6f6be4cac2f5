import { afterAll, describe, expect, it } from "vitest";
import { seedPlan } from "../../scripts/seed/load";
import { createPrismaClient } from "@/lib/prisma-client";
import { migratedDb, onPostgres } from "../support/db";
import { plan2 } from "../support/documents";

describe("seeding the 2nd plan", () => {
  const prisma = createPrismaClient(migratedDb("seed.db"));
  afterAll(() => prisma.$disconnect());

  const counts = async () => ({
    projects: await prisma.project.count(),
    kpis: await prisma.kpi.count(),
    values: await prisma.yearlyValue.count(),
    rounds: await prisma.followUpRound.count(),
    entries: await prisma.roundEntry.count(),
    footnotes: await prisma.footnote.count(),
    highlights: await prisma.highlight.count(),
    evaluations: await prisma.projectEvaluation.count(),
  });

  it("loads 6 projects and 47 KPIs, 14 of them management indicators, and 4 sub-targets", async () => {
    await seedPlan(prisma, plan2);
    expect(await prisma.project.count()).toBe(6);
    const top = await prisma.kpi.findMany({ where: { parentId: null } });
    expect(top).toHaveLength(47);
    expect(top.filter((k) => k.management)).toHaveLength(14);
    expect(top.filter((k) => k.target !== null)).toHaveLength(33);
    const subs = await prisma.kpi.findMany({ where: { parentId: { not: null } }, include: { parent: true } });
    // 4 sub-targets with a target, plus the management indicator's "うち遺伝子治療の研究課題数".
    expect(
      subs
        .filter((s) => s.target !== null)
        .map((s) => `${s.parent!.code} ${s.nameJa} ${s.target}`)
        .sort(),
    ).toEqual([
      "regen-out-1 うち遺伝子治療 5",
      "regen-out-3 うち遺伝子治療 2",
      "regen-outcome-2 うち企業へ導出された件数 2",
      "regen-outcome-2 うち遺伝子治療 2",
    ]);
    expect(subs.filter((s) => s.target === null).map((s) => s.parent!.code)).toEqual(["regen-out-m2"]);
  });

  it("loads the rounds: FY2021 (31st meeting), FY2022, FY2024 (43rd meeting), with highlights", async () => {
    const rounds = await prisma.followUpRound.findMany({
      orderBy: { fiscalYear: "asc" },
      include: { _count: { select: { highlights: true, evaluations: true, entries: true } } },
    });
    expect(rounds.map((r) => [r.fiscalYear, r.meetingNo, r.meetingDate, r.status])).toEqual([
      [2021, 31, "2022-05-17", "final"],
      [2022, null, null, "final"],
      [2024, 43, "2025-05-14", "final"],
    ]);
    expect(rounds.map((r) => r._count.highlights)).toEqual([6, 22, 6]);
    expect(rounds[1]._count.evaluations).toBe(6);
  });

  it("stores nothing, not 0, where a document prints '-'", async () => {
    const guideline = await prisma.kpi.findFirstOrThrow({ where: { code: "regen-outcome-m1" }, include: { values: true } });
    expect(guideline.values.find((v) => v.fiscalYear === 2024)).toBeUndefined();
    expect(guideline.values.find((v) => v.fiscalYear === 2021)?.cumulativeReported ?? null).toBeNull();
    const dataInfra = await prisma.kpi.findFirstOrThrow({ where: { code: "genome-out-m1" }, include: { values: true } });
    expect(dataInfra.values).toEqual([]);
    expect(await prisma.yearlyValue.count({ where: { value: null, cumulativeReported: null, numerator: null, text: null } })).toBe(0);
  });

  it("is idempotent, and never overwrites what was entered since", async () => {
    const before = await counts();
    const kpi = await prisma.kpi.findFirstOrThrow({ where: { code: "pharma-out-1" } });
    await prisma.yearlyValue.update({ where: { kpiId_fiscalYear: { kpiId: kpi.id, fiscalYear: 2022 } }, data: { value: 48 } });
    await seedPlan(prisma, plan2);
    expect(await counts()).toEqual(before);
    const v = await prisma.yearlyValue.findUniqueOrThrow({ where: { kpiId_fiscalYear: { kpiId: kpi.id, fiscalYear: 2022 } } });
    expect(v.value).toBe(48);
  });

  it("leaves a project's ministries and budgets as an admin changed them", async () => {
    const project = await prisma.project.findFirstOrThrow({ where: { no: 2 } });
    // METI was the lead; an admin makes MEXT the lead, drops METI and the FY2022 budget
    await prisma.projectMinistry.deleteMany({ where: { projectId: project.id, ministry: { in: ["METI", "MIC", "MHLW"] } } });
    await prisma.projectMinistry.updateMany({ where: { projectId: project.id, ministry: "MEXT" }, data: { lead: true } });
    await prisma.projectBudget.deleteMany({ where: { projectId: project.id } });
    await prisma.projectBudget.create({ data: { projectId: project.id, fiscalYear: 2023, kind: "amed", okuYen: 110 } });
    await seedPlan(prisma, plan2);
    const after = await prisma.project.findUniqueOrThrow({ where: { id: project.id }, include: { ministries: true, budgets: true } });
    expect(after.ministries.map((m) => [m.ministry, m.lead])).toEqual([["MEXT", true]]);
    expect(after.budgets.map((b) => [b.fiscalYear, b.kind, b.okuYen])).toEqual([[2023, "amed", 110]]);
  });
});

describe("the seeded database", () => {
  it("runs in WAL mode (SQLite) and has one demo user per role, with argon2id hashes", async () => {
    const { createPrismaClient: create } = await import("@/lib/prisma-client");
    const prisma = create();
    try {
      if (!onPostgres) {
        const [{ journal_mode }] = await prisma.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
        expect(journal_mode).toBe("wal");
      }
      const users = await prisma.user.findMany({ orderBy: { role: "asc" } });
      expect(users.map((u) => u.role)).toEqual(["admin", "committee", "secretariat"]);
      for (const u of users) expect(u.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await prisma.$disconnect();
    }
  });
});
