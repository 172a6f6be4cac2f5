/**
 * Rounds as presented: the seed snapshots the documents' final rounds, a snapshot gives the
 * same figures as the live data while the round stays final, it cannot be changed, and a
 * round unlocked for corrections is shown to the public as it was last finalized.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPlanData } from "@/features/follow-up/data";
import { followUpAt, rowChanged } from "@/features/follow-up/model";
import { exportRow } from "@/features/follow-up/model";
import { readRoundSnapshot, roundPlan } from "@/features/follow-up/data";
import { takeRoundSnapshot } from "@/features/follow-up/mutations";
import { createPrismaClient, type PrismaClient } from "@/lib/prisma-client";
import { migratedDb, seedDb } from "../support/db";

let db: PrismaClient;
beforeAll(() => {
  const url = migratedDb("snapshot.db");
  seedDb(url);
  db = createPrismaClient(url);
});
afterAll(() => db.$disconnect());

const exported = (plan: Parameters<typeof followUpAt>[0], fy: number) => followUpAt(plan, fy).rows.map(exportRow);

describe("snapshots of final rounds", () => {
  it.each([2021, 2022, 2024])("the seeded FY%i round has one snapshot, equal to the live figures", async (fy) => {
    const live = (await readPlanData(db, "plan2", null))!;
    const first = (await readRoundSnapshot(db, "plan2", fy, "first"))!;
    expect(first).toEqual(await readRoundSnapshot(db, "plan2", fy, "latest"));
    expect(first.plan.rounds.map((r) => r.fiscalYear).every((y) => y <= fy)).toBe(true);
    expect(exported(first.plan, fy)).toEqual(exported(live, fy));
    expect(exported(first.plan, fy)).toHaveLength(52);
  });

  it("cannot be changed or deleted", async () => {
    const count = await db.roundSnapshot.count();
    await expect(db.roundSnapshot.updateMany({ data: { data: "{}" } })).rejects.toThrow();
    const one = await db.roundSnapshot.findFirstOrThrow();
    expect(one.data).not.toBe("{}");
    await expect(db.roundSnapshot.delete({ where: { id: one.id } })).rejects.toThrow();
    await expect(db.roundSnapshot.deleteMany({})).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`DELETE FROM "RoundSnapshot"`)).rejects.toThrow();
    expect(await db.roundSnapshot.count()).toBe(count);
  });

  it("an unlocked round shows the public its last final figures, and the corrected ones are compared with them", async () => {
    const round = await db.followUpRound.findFirstOrThrow({ where: { plan: { code: "plan2" }, fiscalYear: 2024 } });
    await db.followUpRound.update({ where: { id: round.id }, data: { status: "draft" } });
    const kpi = await db.kpi.findFirstOrThrow({ where: { code: "genome-out-1" } });
    await db.yearlyValue.upsert({
      where: { kpiId_fiscalYear: { kpiId: kpi.id, fiscalYear: 2023 } },
      update: { value: 1000 },
      create: { kpiId: kpi.id, fiscalYear: 2023, value: 1000 },
    });

    const publicNow = (await readPlanData(db, "plan2", null))!;
    expect(publicNow.rounds.map((r) => r.fiscalYear)).toEqual([2021, 2022]);
    const shown = await roundPlan(db, publicNow, 2024);
    expect(shown.correcting).not.toBeNull();
    expect(followUpAt(shown.plan, 2024).round?.status).toBe("final");
    const presentedRow = followUpAt(shown.plan, 2024).rows.find((r) => r.code === "genome-out-1")!;
    expect(presentedRow.status.values[2023]).toBeUndefined();

    // Members see the correction; re-finalized, the round keeps its first snapshot as presented.
    const members = (await readPlanData(db, "plan2", { id: 1, role: "committee" }))!;
    expect((await roundPlan(db, members, 2024)).correcting).toBeNull();
    await db.followUpRound.update({ where: { id: round.id }, data: { status: "final" } });
    await takeRoundSnapshot(db, "plan2", 2024, null);
    const after = await roundPlan(db, (await readPlanData(db, "plan2", null))!, 2024);
    expect(after.correcting).toBeNull();
    const current = followUpAt(after.plan, 2024).rows.find((r) => r.code === "genome-out-1")!;
    const asPresented = (await readRoundSnapshot(db, "plan2", 2024, "first"))!.plan;
    const presented = followUpAt(asPresented, 2024).rows.find((r) => r.code === "genome-out-1")!;
    expect(current.status.values[2023]).toBe(1000);
    expect(rowChanged(presented, current)).toBe(true);
    const untouched = (p: typeof after.plan) => followUpAt(p, 2024).rows.find((r) => r.code === "pharma-out-1")!;
    expect(rowChanged(untouched(asPresented), untouched(after.plan))).toBe(false);

    // A year's row that holds nothing (entered during the unlock, then cleared) is no correction.
    const pharma = await db.kpi.findFirstOrThrow({ where: { code: "pharma-out-1" } });
    expect(await db.yearlyValue.count({ where: { kpiId: pharma.id, fiscalYear: 2023 } })).toBe(0);
    await db.yearlyValue.create({ data: { kpiId: pharma.id, fiscalYear: 2023, value: null } });
    const withEmptyRow = (await readPlanData(db, "plan2", null))!;
    expect(untouched(withEmptyRow).facts.some((f) => f.fiscalYear === 2023)).toBe(true);
    expect(rowChanged(untouched(asPresented), untouched(withEmptyRow))).toBe(false);

    // A committee rating entered after the round was presented is a correction, even one that
    // agrees with the automatic rating (the rating shown stays A; who decided it changed).
    const decided = (await readPlanData(db, "plan2", null))!;
    const entry = decided.rounds.find((r) => r.fiscalYear === 2024)!.entries["pharma-out-1"];
    expect([entry.ratingFinal, untouched(decided).status.ratingAuto]).toEqual([null, "A"]);
    entry.ratingFinal = "A";
    expect(untouched(decided).status).toMatchObject({ rating: "A", ratingBasis: "decided" });
    expect(rowChanged(untouched(asPresented), untouched(decided))).toBe(true);
  });
});
