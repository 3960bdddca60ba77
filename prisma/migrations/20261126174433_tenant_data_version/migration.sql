-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Tenant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dataVersion" INTEGER NOT NULL DEFAULT 0,
    "platformAppId" TEXT,
    "platformAppKeyEncrypted" TEXT
);
INSERT INTO "new_Tenant" ("createdAt", "id", "platformAppId", "platformAppKeyEncrypted") SELECT "createdAt", "id", "platformAppId", "platformAppKeyEncrypted" FROM "Tenant";
DROP TABLE "Tenant";
ALTER TABLE "new_Tenant" RENAME TO "Tenant";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Written by hand (Prisma does not manage triggers): every write to a tenant's tasks or presets
-- raises its dataVersion in the same transaction, so a response cached under an older version is
-- never served again, whichever process wrote. Preset tags and versions are only written together
-- with their preset row. A migration that redefines "Task" or "Preset" (SQLite rebuilds tables)
-- drops these triggers and must create them again; test/response-cache.test.ts would fail.
CREATE TRIGGER "Task_raises_data_version_on_insert" AFTER INSERT ON "Task" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."ownerId";
END;
CREATE TRIGGER "Task_raises_data_version_on_update" AFTER UPDATE ON "Task" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."ownerId", NEW."ownerId");
END;
CREATE TRIGGER "Task_raises_data_version_on_delete" AFTER DELETE ON "Task" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."ownerId";
END;
CREATE TRIGGER "Preset_raises_data_version_on_insert" AFTER INSERT ON "Preset" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."ownerId";
END;
CREATE TRIGGER "Preset_raises_data_version_on_update" AFTER UPDATE ON "Preset" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."ownerId", NEW."ownerId");
END;
CREATE TRIGGER "Preset_raises_data_version_on_delete" AFTER DELETE ON "Preset" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."ownerId";
END;
