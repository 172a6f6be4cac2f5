-- Baseline: the whole schema as of SQLite's migration of the same name (PostgreSQL support
-- begins here; SQLite's history reaches the same schema in seven steps). Generated with
-- `prisma migrate diff --from-empty --to-schema-datamodel` on the schema of that commit, then
-- the append-only triggers at the end, by hand.

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "firstFy" INTEGER NOT NULL,
    "lastFy" INTEGER NOT NULL,
    "ratingRule" TEXT NOT NULL DEFAULT 'pro_rata',
    "source" TEXT,
    "structureUnlockedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "no" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "source" TEXT,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMinistry" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "ministry" TEXT NOT NULL,
    "lead" BOOLEAN NOT NULL DEFAULT false,
    "order" INTEGER NOT NULL,

    CONSTRAINT "ProjectMinistry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectBudget" (
    "id" SERIAL NOT NULL,
    "projectId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "okuYen" DOUBLE PRECISION NOT NULL,
    "source" TEXT,

    CONSTRAINT "ProjectBudget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Kpi" (
    "id" SERIAL NOT NULL,
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
    "target" DOUBLE PRECISION,
    "targetQualifier" TEXT,
    "targetRawJa" TEXT,
    "subItemsJa" TEXT,
    "subItemsEn" TEXT,
    "definitionJa" TEXT,
    "definitionEn" TEXT,
    "order" INTEGER NOT NULL,
    "source" TEXT,

    CONSTRAINT "Kpi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KpiYearTarget" (
    "id" SERIAL NOT NULL,
    "kpiId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "target" DOUBLE PRECISION NOT NULL,
    "reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KpiYearTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YearlyValue" (
    "id" SERIAL NOT NULL,
    "kpiId" INTEGER NOT NULL,
    "fiscalYear" INTEGER NOT NULL,
    "value" DOUBLE PRECISION,
    "numerator" DOUBLE PRECISION,
    "denominator" DOUBLE PRECISION,
    "text" TEXT,
    "cumulativeReported" DOUBLE PRECISION,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YearlyValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpRound" (
    "id" SERIAL NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundSnapshot" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "meetingNo" INTEGER,
    "meetingDate" TEXT,
    "data" TEXT NOT NULL,

    CONSTRAINT "RoundSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredDeck" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "roundVersion" INTEGER NOT NULL,
    "etag" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "build" TEXT NOT NULL DEFAULT '',
    "auditMark" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StoredDeck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundEntry" (
    "id" SERIAL NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RoundEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Footnote" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "kpiId" INTEGER NOT NULL,
    "marker" TEXT NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT,
    "source" TEXT,

    CONSTRAINT "Footnote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectEvaluation" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "projectId" INTEGER NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Highlight" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "projectId" INTEGER,
    "order" INTEGER NOT NULL,
    "textJa" TEXT NOT NULL,
    "textEn" TEXT,
    "source" TEXT,

    CONSTRAINT "Highlight_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabledAt" TIMESTAMP(3),
    "locale" TEXT NOT NULL DEFAULT 'ja',

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Thread" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "kpiId" INTEGER,
    "projectId" INTEGER,
    "kind" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'open',
    "authorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Thread_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" SERIAL NOT NULL,
    "threadId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "lang" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMP(3),
    "hiddenAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostRevision" (
    "id" SERIAL NOT NULL,
    "postId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "editedById" INTEGER NOT NULL,
    "editedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PostRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailOutbox" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,

    CONSTRAINT "MailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
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

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "Kpi_projectId_idx" ON "Kpi"("projectId");

-- CreateIndex
CREATE INDEX "Kpi_parentId_idx" ON "Kpi"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Kpi_planId_code_key" ON "Kpi"("planId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "KpiYearTarget_kpiId_fiscalYear_key" ON "KpiYearTarget"("kpiId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "YearlyValue_kpiId_fiscalYear_key" ON "YearlyValue"("kpiId", "fiscalYear");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpRound_planId_fiscalYear_key" ON "FollowUpRound"("planId", "fiscalYear");

-- CreateIndex
CREATE INDEX "RoundSnapshot_roundId_id_idx" ON "RoundSnapshot"("roundId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "StoredDeck_roundId_format_lang_key" ON "StoredDeck"("roundId", "format", "lang");

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
CREATE INDEX "Thread_roundId_state_idx" ON "Thread"("roundId", "state");

-- CreateIndex
CREATE INDEX "Thread_kpiId_idx" ON "Thread"("kpiId");

-- CreateIndex
CREATE INDEX "Post_threadId_id_idx" ON "Post"("threadId", "id");

-- CreateIndex
CREATE INDEX "PostRevision_postId_id_idx" ON "PostRevision"("postId", "id");

-- CreateIndex
CREATE INDEX "MailOutbox_sentAt_nextAttemptAt_idx" ON "MailOutbox"("sentAt", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "AuditLog_kpiId_at_idx" ON "AuditLog"("kpiId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_roundId_at_idx" ON "AuditLog"("roundId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_planId_id_idx" ON "AuditLog"("planId", "id");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMinistry" ADD CONSTRAINT "ProjectMinistry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectBudget" ADD CONSTRAINT "ProjectBudget_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kpi" ADD CONSTRAINT "Kpi_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KpiYearTarget" ADD CONSTRAINT "KpiYearTarget_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "YearlyValue" ADD CONSTRAINT "YearlyValue_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpRound" ADD CONSTRAINT "FollowUpRound_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSnapshot" ADD CONSTRAINT "RoundSnapshot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundSnapshot" ADD CONSTRAINT "RoundSnapshot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredDeck" ADD CONSTRAINT "StoredDeck_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundEntry" ADD CONSTRAINT "RoundEntry_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundEntry" ADD CONSTRAINT "RoundEntry_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Footnote" ADD CONSTRAINT "Footnote_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Footnote" ADD CONSTRAINT "Footnote_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvaluation" ADD CONSTRAINT "ProjectEvaluation_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvaluation" ADD CONSTRAINT "ProjectEvaluation_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Highlight" ADD CONSTRAINT "Highlight_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Highlight" ADD CONSTRAINT "Highlight_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_kpiId_fkey" FOREIGN KEY ("kpiId") REFERENCES "Kpi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Thread" ADD CONSTRAINT "Thread_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostRevision" ADD CONSTRAINT "PostRevision_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostRevision" ADD CONSTRAINT "PostRevision_editedById_fkey" FOREIGN KEY ("editedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MailOutbox" ADD CONSTRAINT "MailOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Append-only: the audit log and the round snapshots refuse UPDATE, DELETE and TRUNCATE (the
-- same rule as SQLite's triggers, which have no TRUNCATE to guard).
CREATE FUNCTION "refuse_change_of_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER "AuditLog_no_update" BEFORE UPDATE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only"();
CREATE TRIGGER "AuditLog_no_delete" BEFORE DELETE ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_append_only"();
CREATE TRIGGER "RoundSnapshot_no_update" BEFORE UPDATE ON "RoundSnapshot" FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only"();
CREATE TRIGGER "RoundSnapshot_no_delete" BEFORE DELETE ON "RoundSnapshot" FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only"();
CREATE TRIGGER "RoundSnapshot_no_truncate" BEFORE TRUNCATE ON "RoundSnapshot" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_append_only"();
