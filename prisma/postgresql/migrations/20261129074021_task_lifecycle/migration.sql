-- CreateEnum
CREATE TYPE "WebhookDeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskStatus" ADD VALUE 'PROCESSING';
ALTER TYPE "TaskStatus" ADD VALUE 'SUCCEEDED';
ALTER TYPE "TaskStatus" ADD VALUE 'FAILED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "TaskEventSource" ADD VALUE 'CALLBACK';
ALTER TYPE "TaskEventSource" ADD VALUE 'STATUS_QUERY';
ALTER TYPE "TaskEventSource" ADD VALUE 'RECONCILIATION';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "durationSeconds" DOUBLE PRECISION,
ADD COLUMN     "progress" INTEGER,
ADD COLUMN     "resultUrl" TEXT,
ALTER COLUMN "expiresAt" DROP NOT NULL;

-- AlterTable
ALTER TABLE "TaskEvent" ADD COLUMN     "progress" INTEGER;

-- CreateTable
CREATE TABLE "TaskPoll" (
    "taskId" TEXT NOT NULL,
    "nextPollAt" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "TaskPoll_pkey" PRIMARY KEY ("taskId")
);

-- CreateTable
CREATE TABLE "PlatformCallback" (
    "id" SERIAL NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "body" TEXT NOT NULL,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "platformTaskId" TEXT,
    "taskId" TEXT,
    "result" TEXT NOT NULL,

    CONSTRAINT "PlatformCallback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "eventTypes" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "eventId" INTEGER NOT NULL,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" "WebhookDeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "claimedUntil" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" SERIAL NOT NULL,
    "deliveryId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

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

-- CreateIndex
CREATE INDEX "Task_platformTaskId_idx" ON "Task"("platformTaskId");

-- AddForeignKey
ALTER TABLE "TaskPoll" ADD CONSTRAINT "TaskPoll_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Written by hand. Results expire 7 days after completion now, not after submission: no task has
-- completed before this version.
UPDATE "Task" SET "expiresAt" = NULL;

-- Webhook endpoints and deliveries are read through the API too, so their writes raise the
-- tenant's data version as tasks' and presets' do (attempts are only written with their delivery).
CREATE TRIGGER "WebhookEndpoint_raises_data_version" AFTER INSERT OR UPDATE OR DELETE ON "WebhookEndpoint"
    FOR EACH ROW EXECUTE FUNCTION "raise_tenant_data_version"();
CREATE TRIGGER "WebhookDelivery_raises_data_version" AFTER INSERT OR UPDATE OR DELETE ON "WebhookDelivery"
    FOR EACH ROW EXECUTE FUNCTION "raise_tenant_data_version"();
