-- The English names of seven 2nd-plan KPIs carried Japanese glosses ("seeds transferred (導出)",
-- "clinical trials (治験)") that an English reader cannot read, and one English note began with
-- a full-width asterisk. The seed no longer has them; databases seeded before lose them here.
-- A data fix of the seed's own words, not an edit by a user: it writes no audit entry.
UPDATE "Kpi" SET "nameEn" = replace(replace("nameEn", ' (導出)', ''), ' (治験)', '')
WHERE "nameEn" LIKE '% (導出)%' OR "nameEn" LIKE '% (治験)%';

UPDATE "RoundEntry" SET "noteEn" = '*' || substr("noteEn", 2)
WHERE "noteEn" LIKE '＊ %';
