/** Seeds the database with the plans in seeds/*.json (idempotent). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseSeedFile, seedPlan } from "../src/features/seed/mutations";
import { createPrismaClient } from "../src/lib/prisma-client";

async function main() {
  const dir = path.join(__dirname, "..", "seeds");
  const prisma = createPrismaClient();
  try {
    for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
      const file = parseSeedFile(JSON.parse(readFileSync(path.join(dir, name), "utf8")));
      const r = await seedPlan(prisma, file);
      console.log(`seeded ${name}: plan ${r.plan}, ${r.projects} projects, ${r.kpis} KPIs, ${r.values} yearly facts, ${r.rounds} rounds`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
