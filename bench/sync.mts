// What synchronous=FULL costs a save, against the driver's default NORMAL, in one run.
//   npx tsx bench/sync.mts
// A save of the grid is one transaction: here 10 yearly values written and 10 audit rows,
// as saveRound writes them, through the app's own Prisma client (src/lib/prisma-client.ts),
// on a fresh migrated and seeded database. The two settings take turns, save by save, so
// that the machine's drift touches both alike. Prints the median and p95 of each, and the
// ratio of the medians.
import { createPrismaClient } from "../src/lib/prisma-client";
import { percentile, prepareDatabase } from "./server.mjs";

const SAVES = Number(process.env.BENCH_SAVES ?? 300);
const env = prepareDatabase("bench-sync");
const db = createPrismaClient(env.DATABASE_URL);

const kpis = (await db.kpi.findMany({ where: { project: { plan: { code: "plan2" } }, measure: "count" }, take: 10, orderBy: { id: "asc" } })).map((k) => k.id);
const FY = 2029; // a year of no round: nothing else writes it

let n = 0;
async function save(): Promise<number> {
  n++;
  const t0 = performance.now();
  await db.$transaction(async (tx) => {
    for (const kpiId of kpis) {
      const v = await tx.yearlyValue.upsert({
        where: { kpiId_fiscalYear: { kpiId, fiscalYear: FY } },
        update: { value: n, version: { increment: 1 } },
        create: { kpiId, fiscalYear: FY, value: n },
      });
      await tx.auditLog.create({
        data: {
          action: "value.update",
          entity: "YearlyValue",
          entityId: v.id,
          kpiId,
          fiscalYear: FY,
          field: "value",
          oldValue: String(n - 1),
          newValue: String(n),
        },
      });
    }
  });
  return performance.now() - t0;
}

const times: Record<"FULL" | "NORMAL", number[]> = { FULL: [], NORMAL: [] };
const setting = async (mode: "FULL" | "NORMAL") => db.$executeRawUnsafe(`PRAGMA synchronous = ${mode}`);
for (let i = 0; i < 20; i++) await save(); // warm up
for (let i = 0; i < SAVES; i++) {
  for (const mode of ["FULL", "NORMAL"] as const) {
    await setting(mode);
    times[mode].push(await save());
  }
}
const current = await db.$queryRawUnsafe<{ synchronous: bigint }[]>("PRAGMA synchronous");
await db.$disconnect();

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
};
const full = stats(times.FULL);
const normal = stats(times.NORMAL);
console.log(`a save of 10 values with their audit rows, ${SAVES} saves each, alternating (last setting read back: synchronous=${current[0].synchronous})`);
console.log(`synchronous=FULL   p50 ${full.p50.toFixed(2)} ms   p95 ${full.p95.toFixed(2)} ms`);
console.log(`synchronous=NORMAL p50 ${normal.p50.toFixed(2)} ms   p95 ${normal.p95.toFixed(2)} ms`);
console.log(`FULL ÷ NORMAL: p50 ${(full.p50 / normal.p50).toFixed(2)}×, p95 ${(full.p95 / normal.p95).toFixed(2)}×`);
