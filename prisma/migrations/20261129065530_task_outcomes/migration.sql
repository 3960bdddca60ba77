-- DropIndex
DROP INDEX "Task_ownerId_idempotencyKey_key";

-- DropIndex
DROP INDEX "Task_status_createdAt_idx";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "abandonAfter" DATETIME;
ALTER TABLE "Task" ADD COLUMN "liveIdempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "TaskEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raw" TEXT,
    CONSTRAINT "TaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TaskEvent_taskId_id_idx" ON "TaskEvent"("taskId", "id");

-- CreateIndex
CREATE INDEX "Task_status_abandonAfter_idx" ON "Task"("status", "abandonAfter");

-- CreateIndex
CREATE UNIQUE INDEX "Task_ownerId_liveIdempotencyKey_key" ON "Task"("ownerId", "liveIdempotencyKey");

-- Written by hand. Keys held by existing tasks keep answering for them.
UPDATE "Task" SET "liveIdempotencyKey" = "idempotencyKey" WHERE "idempotencyKey" IS NOT NULL;
-- Tasks still SUBMITTING get the deadline the previous version applied to them (4 x 30 s + 10 s),
-- in the format Prisma writes. Events start with this version: older tasks have none.
UPDATE "Task" SET "abandonAfter" = strftime('%Y-%m-%dT%H:%M:%f+00:00', "createdAt", '+130 seconds') WHERE "status" = 'SUBMITTING';
