-- AlterTable
ALTER TABLE "User" ADD COLUMN "disabledAt" DATETIME;

-- CreateTable
CREATE TABLE "RoundSnapshot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "takenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "meetingNo" INTEGER,
    "meetingDate" TEXT,
    "data" TEXT NOT NULL,
    CONSTRAINT "RoundSnapshot_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundSnapshot_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RoundSnapshot_roundId_id_idx" ON "RoundSnapshot"("roundId", "id");


-- A snapshot is what was presented: it is never changed.
CREATE TRIGGER "RoundSnapshot_no_update" BEFORE UPDATE ON "RoundSnapshot"
BEGIN
  SELECT RAISE(ABORT, 'RoundSnapshot is append-only');
END;
