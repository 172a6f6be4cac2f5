/**
 * Seeds seeds/<from>.json (plan2 or plan3) under another code and name, with the snapshots of its final rounds:
 * `tsx tests/support/seed-copy.ts '{"from":"plan2","code":"…","nameJa":"…","nameEn":"…"}'` (see e2e.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseSeedFile, seedPlan } from "../../scripts/seed/load";
import { snapshotSeededRounds } from "../../scripts/seed/snapshots";
import { createPrismaClient } from "../../src/lib/prisma-client";

const { from, ...names } = z
  .object({ from: z.enum(["plan2", "plan3"]), code: z.string().regex(/^[a-z0-9-]+$/), nameJa: z.string(), nameEn: z.string() })
  .parse(JSON.parse(process.argv[2]));
const file = parseSeedFile(JSON.parse(readFileSync(path.resolve(__dirname, `../../seeds/${from}.json`), "utf8")));
const prisma = createPrismaClient();
seedPlan(prisma, { ...file, plan: { ...file.plan, ...names } })
  .then(() => snapshotSeededRounds(prisma))
  .finally(() => prisma.$disconnect());
