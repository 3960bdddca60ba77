-- CreateEnum
CREATE TYPE "TaskEventSource" AS ENUM ('SUBMISSION', 'RECOVERY');

-- DropIndex
DROP INDEX "Task_status_createdAt_idx";

-- DropIndex
DROP INDEX "Task_ownerId_idempotencyKey_key";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "abandonAfter" TIMESTAMP(3),
ADD COLUMN     "liveIdempotencyKey" TEXT;

-- CreateTable
CREATE TABLE "TaskEvent" (
    "id" SERIAL NOT NULL,
    "taskId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "fromStatus" "TaskStatus",
    "toStatus" "TaskStatus" NOT NULL,
    "source" "TaskEventSource" NOT NULL,
    "message" TEXT NOT NULL,
    "raw" TEXT,

    CONSTRAINT "TaskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TaskEvent_taskId_id_idx" ON "TaskEvent"("taskId", "id");

-- CreateIndex
CREATE INDEX "Task_status_abandonAfter_idx" ON "Task"("status", "abandonAfter");

-- CreateIndex
CREATE UNIQUE INDEX "Task_ownerId_liveIdempotencyKey_key" ON "Task"("ownerId", "liveIdempotencyKey");

-- AddForeignKey
ALTER TABLE "TaskEvent" ADD CONSTRAINT "TaskEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand. Keys held by existing tasks keep answering for them.
UPDATE "Task" SET "liveIdempotencyKey" = "idempotencyKey" WHERE "idempotencyKey" IS NOT NULL;
-- Tasks still SUBMITTING get the deadline the previous version applied to them (4 x 30 s + 10 s).
-- Events start with this version: older tasks have none.
UPDATE "Task" SET "abandonAfter" = "createdAt" + interval '130 seconds' WHERE "status" = 'SUBMITTING';
