-- CreateTable
CREATE TABLE "StoredDeck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "lang" TEXT NOT NULL,
    "roundVersion" INTEGER NOT NULL,
    "etag" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BLOB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoredDeck_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "FollowUpRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "StoredDeck_roundId_format_lang_key" ON "StoredDeck"("roundId", "format", "lang");

