-- Plan-wide KPIs (a KPI belongs to a plan, and optionally to a project), a counting basis per KPI,
-- annual targets that differ from the default, and the rating rule declared per plan.
-- Every existing record keeps its values: the 2nd plan's KPIs get their project's plan.

-- AlterTable
ALTER TABLE "Project" ADD COLUMN "source" TEXT;

-- CreateTable
CREATE TABLE "KpiYearTarget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kpiId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "target" REAL NOT NULL,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KpiYearTarget_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Plan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "firstFy" INTEGER NOT NULL,
    "lastFy" INTEGER NOT NULL,
    "ratingRule" TEXT NOT NULL DEFAULT 'pro_rata',
    "source" TEXT,
    "structureUnlockedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Plan" ("code", "createdAt", "firstFy", "id", "lastFy", "nameEn", "nameJa") SELECT "code", "createdAt", "firstFy", "id", "lastFy", "nameEn", "nameJa" FROM "Plan";
DROP TABLE "Plan";
ALTER TABLE "new_Plan" RENAME TO "Plan";
CREATE UNIQUE INDEX "Plan_code_key" ON "Plan"("code");
CREATE TABLE "new_Kpi" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "parentId" INTEGER,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "management" BOOLEAN NOT NULL DEFAULT false,
    "measure" TEXT NOT NULL,
    "counting" TEXT NOT NULL DEFAULT 'fiscal_year',
    "unit" TEXT,
    "groupJa" TEXT,
    "groupEn" TEXT,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "target" REAL,
    "targetQualifier" TEXT,
    "targetRawJa" TEXT,
    "subItemsJa" TEXT,
    "subItemsEn" TEXT,
    "definitionJa" TEXT,
    "definitionEn" TEXT,
    "order" INTEGER NOT NULL,
    "source" TEXT,
    CONSTRAINT "Kpi_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Kpi_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Kpi_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Kpi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Every existing KPI belongs to a project: its plan is that project's plan. Nothing else changes.
INSERT INTO "new_Kpi" ("planId", "code", "groupEn", "groupJa", "id", "kind", "management", "measure", "nameEn", "nameJa", "order", "parentId", "projectId", "source", "subItemsEn", "subItemsJa", "target", "targetQualifier", "targetRawJa", "unit") SELECT (SELECT "planId" FROM "Project" WHERE "Project"."id" = "Kpi"."projectId"), "code", "groupEn", "groupJa", "id", "kind", "management", "measure", "nameEn", "nameJa", "order", "parentId", "projectId", "source", "subItemsEn", "subItemsJa", "target", "targetQualifier", "targetRawJa", "unit" FROM "Kpi";
DROP TABLE "Kpi";
ALTER TABLE "new_Kpi" RENAME TO "Kpi";
CREATE INDEX "Kpi_projectId_idx" ON "Kpi"("projectId");
CREATE INDEX "Kpi_parentId_idx" ON "Kpi"("parentId");
CREATE UNIQUE INDEX "Kpi_planId_code_key" ON "Kpi"("planId", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "KpiYearTarget_kpiId_fiscalYear_key" ON "KpiYearTarget"("kpiId", "fiscalYear");

