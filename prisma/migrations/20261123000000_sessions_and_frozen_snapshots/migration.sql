-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- A snapshot is what a meeting was shown: never deleted either.
CREATE TRIGGER "RoundSnapshot_no_delete" BEFORE DELETE ON "RoundSnapshot"
BEGIN
  SELECT RAISE(ABORT, 'RoundSnapshot is append-only');
END;
