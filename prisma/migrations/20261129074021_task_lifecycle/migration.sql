-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN "progress" INTEGER;

-- CreateTable
CREATE TABLE "TaskPoll" (
    "taskId" TEXT NOT NULL PRIMARY KEY,
    "nextPollAt" DATETIME NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedUntil" DATETIME,
    CONSTRAINT "TaskPoll_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlatformCallback" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" TEXT NOT NULL,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "platformTaskId" TEXT,
    "taskId" TEXT,
    "result" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "eventTypes" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "endpointId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "claimedUntil" DATETIME,
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "deliveryId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Task" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL DEFAULT 'default',
    "videoName" TEXT NOT NULL,
    "thumbnailUrl" TEXT,
    "params" TEXT NOT NULL,
    "paramString" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTING',
    "platformTaskId" TEXT,
    "progress" INTEGER,
    "resultUrl" TEXT,
    "durationSeconds" REAL,
    "completedAt" DATETIME,
    "platformCode" INTEGER,
    "platformMessage" TEXT,
    "failureReason" TEXT,
    "presetId" TEXT,
    "presetVersion" INTEGER,
    "idempotencyKey" TEXT,
    "liveIdempotencyKey" TEXT,
    "requestHash" TEXT,
    "abandonAfter" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME,
    CONSTRAINT "Task_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Task" ("abandonAfter", "createdAt", "expiresAt", "failureReason", "id", "idempotencyKey", "liveIdempotencyKey", "ownerId", "paramString", "params", "platformCode", "platformMessage", "platformTaskId", "presetId", "presetVersion", "requestHash", "status", "thumbnailUrl", "updatedAt", "videoName") SELECT "abandonAfter", "createdAt", "expiresAt", "failureReason", "id", "idempotencyKey", "liveIdempotencyKey", "ownerId", "paramString", "params", "platformCode", "platformMessage", "platformTaskId", "presetId", "presetVersion", "requestHash", "status", "thumbnailUrl", "updatedAt", "videoName" FROM "Task";
DROP TABLE "Task";
ALTER TABLE "new_Task" RENAME TO "Task";
CREATE INDEX "Task_ownerId_createdAt_id_idx" ON "Task"("ownerId", "createdAt", "id");
CREATE INDEX "Task_ownerId_status_createdAt_id_idx" ON "Task"("ownerId", "status", "createdAt", "id");
CREATE INDEX "Task_presetId_createdAt_id_idx" ON "Task"("presetId", "createdAt", "id");
CREATE INDEX "Task_status_abandonAfter_idx" ON "Task"("status", "abandonAfter");
CREATE INDEX "Task_platformTaskId_idx" ON "Task"("platformTaskId");
CREATE UNIQUE INDEX "Task_ownerId_liveIdempotencyKey_key" ON "Task"("ownerId", "liveIdempotencyKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "TaskPoll_nextPollAt_idx" ON "TaskPoll"("nextPollAt");

-- CreateIndex
CREATE INDEX "PlatformCallback_platformTaskId_result_idx" ON "PlatformCallback"("platformTaskId", "result");

-- CreateIndex
CREATE INDEX "PlatformCallback_receivedAt_idx" ON "PlatformCallback"("receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEndpoint_ownerId_createdAt_id_idx" ON "WebhookEndpoint"("ownerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_id_idx" ON "WebhookDelivery"("endpointId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_endpointId_eventId_key" ON "WebhookDelivery"("endpointId", "eventId");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_id_idx" ON "WebhookAttempt"("deliveryId", "id");

-- Written by hand. Results expire 7 days after completion now, not after submission: no task has
-- completed before this version.
UPDATE "Task" SET "expiresAt" = NULL;

-- The table rebuild above dropped the data-version triggers on "Task" (see the tenant_data_version
-- migration), so they are created again here. Webhook endpoints and deliveries are read through the
-- API too, so their writes raise the tenant's data version as well (attempts are only written
-- together with their delivery).
CREATE TRIGGER "Task_raises_data_version_on_insert" AFTER INSERT ON "Task" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."ownerId";
END;
CREATE TRIGGER "Task_raises_data_version_on_update" AFTER UPDATE ON "Task" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."ownerId", NEW."ownerId");
END;
CREATE TRIGGER "Task_raises_data_version_on_delete" AFTER DELETE ON "Task" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."ownerId";
END;
CREATE TRIGGER "WebhookEndpoint_raises_data_version_on_insert" AFTER INSERT ON "WebhookEndpoint" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."ownerId";
END;
CREATE TRIGGER "WebhookEndpoint_raises_data_version_on_update" AFTER UPDATE ON "WebhookEndpoint" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."ownerId", NEW."ownerId");
END;
CREATE TRIGGER "WebhookEndpoint_raises_data_version_on_delete" AFTER DELETE ON "WebhookEndpoint" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."ownerId";
END;
CREATE TRIGGER "WebhookDelivery_raises_data_version_on_insert" AFTER INSERT ON "WebhookDelivery" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."ownerId";
END;
CREATE TRIGGER "WebhookDelivery_raises_data_version_on_update" AFTER UPDATE ON "WebhookDelivery" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" IN (OLD."ownerId", NEW."ownerId");
END;
CREATE TRIGGER "WebhookDelivery_raises_data_version_on_delete" AFTER DELETE ON "WebhookDelivery" BEGIN
    UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."ownerId";
END;
