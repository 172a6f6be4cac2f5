/** Seeds the database with the plans in seeds/*.json (idempotent). */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { upsertUser } from "../src/features/auth/mutations";
import { parseSeedFile, seedPlan } from "../scripts/seed/load";
import { snapshotSeededRounds } from "../scripts/seed/snapshots";
import { databaseUrl, isPostgresUrl } from "../src/lib/database-url";
import { createPrismaClient } from "../src/lib/prisma-client";

const DEMO_USERS = [
  { email: "admin@example.jp", name: "管理者（デモ）", role: "admin", password: "demo-admin-password" },
  { email: "secretariat@example.jp", name: "事務局（デモ）", role: "secretariat", password: "demo-secretariat-password" },
  { email: "committee@example.jp", name: "委員（デモ）", role: "committee", password: "demo-committee-password" },
];

async function main() {
  const dir = path.join(__dirname, "..", "seeds");
  const prisma = createPrismaClient();
  try {
    // SQLite: WAL lets the dashboards read while the secretariat writes; the mode stays with the file.
    if (!isPostgresUrl(databaseUrl())) await prisma.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .sort()) {
      const file = parseSeedFile(JSON.parse(readFileSync(path.join(dir, name), "utf8")));
      const r = await seedPlan(prisma, file);
      console.log(`seeded ${name}: plan ${r.plan}, ${r.projects} projects, ${r.kpis} KPIs, ${r.values} yearly facts, ${r.rounds} rounds`);
    }
    for (const { plan, fiscalYear } of await snapshotSeededRounds(prisma)) console.log(`snapshot of ${plan} ${fiscalYear} as presented`);
    // Demo users, one per role (README). A real deployment sets SEED_DEMO_USERS=false and
    // creates its users with scripts/create-user.ts.
    if (process.env.SEED_DEMO_USERS !== "false") {
      for (const u of DEMO_USERS) {
        if (!(await prisma.user.findUnique({ where: { email: u.email } }))) await upsertUser(prisma, u, "demo user (seed)");
      }
      console.log(`demo users: ${DEMO_USERS.map((u) => u.email).join(", ")}`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
