// The Prisma CLI on PostgreSQL (`prisma … --config prisma/postgres/prisma.config.ts`): the
// generated schema, through the pg adapter. Migrations are applied by scripts/migrate.mjs,
// not by the CLI (see the README: Running on PostgreSQL).
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
