-- CreateTable
CREATE TABLE "Plan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "firstFy" INTEGER NOT NULL,
    "lastFy" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Project" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "no" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    CONSTRAINT "Project_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectMinistry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "ministry" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "order" INTEGER NOT NULL,
    CONSTRAINT "ProjectMinistry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectBudget" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "okuYen" REAL NOT NULL,
    "source" TEXT,
    CONSTRAINT "ProjectBudget_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Kpi" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "management" BOOLEAN NOT NULL DEFAULT false,
    "measure" TEXT NOT NULL,
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
    "order" INTEGER NOT NULL,
    "source" TEXT,
    CONSTRAINT "Kpi_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Kpi_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Kpi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "YearlyValue" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "kpiId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "value" REAL,
    "numerator" REAL,
    "denominator" REAL,
    "text" TEXT,
    "cumulativeReported" REAL,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "YearlyValue_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpRound" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "meetingNo" INTEGER,
    "meetingDate" TEXT,
    "asOfDate" TEXT,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "titleJa" TEXT,
    "titleEn" TEXT,
    "assessmentJa" TEXT,
    "assessmentEn" TEXT,
    "source" TEXT,
    "sourceNote" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "FollowUpRound_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RoundEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "kpiId" INTEGER NOT NULL,
    "ratingFinal" TEXT,
    "overrideReason" TEXT,
    "detailJa" TEXT,
    "detailEn" TEXT,
    "noteJa" TEXT,
    "noteEn" TEXT,
    "labelJa" TEXT,
    "printed" TEXT,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "RoundEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundEntry_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Footnote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "kpiId" INTEGER NOT NULL,
    "marker" TEXT NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT,
    "source" TEXT,
    CONSTRAINT "Footnote_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Footnote_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectEvaluation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProjectEvaluation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectEvaluation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Highlight" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "order" INTEGER NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT,
    "source" TEXT,
    CONSTRAINT "Highlight_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Highlight_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" INTEGER,
    "planId" INTEGER,
    "roundId" INTEGER,
    "kpiId" INTEGER,
    "fiscalYear" INTEGER,
    "field" TEXT,
    "oldValue" TEXT,
    "newValue" TEXT,
    "reason" TEXT,
    CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Plan_code_key" ON "Plan"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Project_planId_no_key" ON "Project"("planId", "no");

-- CreateIndex
CREATE UNIQUE INDEX "Project_planId_code_key" ON "Project"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMinistry_projectId_ministry_key" ON "ProjectMinistry"("projectId", "ministry");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectBudget_projectId_fiscalYear_kind_key" ON "ProjectBudget"("projectId", "fiscalYear", "kind");

-- CreateIndex
CREATE INDEX "Kpi_parentId_idx" ON "Kpi"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_projectId_code_key" ON "Kpi"("projectId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "YearlyValue_kpiId_fiscalYear_key" ON "YearlyValue"("kpiId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpRound_planId_fiscalYear_key" ON "FollowUpRound"("planId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "RoundEntry_roundId_kpiId_key" ON "RoundEntry"("roundId", "kpiId");

-- CreateIndex
CREATE UNIQUE INDEX "Footnote_roundId_kpiId_marker_key" ON "Footnote"("roundId", "kpiId", "marker");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectEvaluation_roundId_projectId_key" ON "ProjectEvaluation"("roundId", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Highlight_roundId_order_key" ON "Highlight"("roundId", "order");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditLog_kpiId_at_idx" ON "AuditLog"("kpiId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_roundId_at_idx" ON "AuditLog"("roundId", "at");


-- The audit log is append-only: no role, and no code path, may rewrite history.
CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog"
BEGIN SELECT RAISE(ABORT, 'AuditLog is append-only'); END;

CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog"
BEGIN SELECT RAISE(ABORT, 'AuditLog is append-only'); END;
