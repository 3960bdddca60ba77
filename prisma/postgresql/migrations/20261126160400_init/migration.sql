-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('SUBMITTING', 'SUBMITTED', 'REJECTED', 'UNREACHABLE', 'UNKNOWN');

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL DEFAULT 'default',
    "videoName" TEXT NOT NULL,
    "thumbnailUrl" TEXT,
    "params" TEXT NOT NULL,
    "paramString" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'SUBMITTING',
    "platformTaskId" TEXT,
    "platformCode" INTEGER,
    "platformMessage" TEXT,
    "failureReason" TEXT,
    "presetId" TEXT,
    "presetVersion" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Preset" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL DEFAULT 'default',
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "videoName" TEXT,
    "params" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Preset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PresetTag" (
    "presetId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    CONSTRAINT "PresetTag_pkey" PRIMARY KEY ("presetId","tag")
);

-- CreateTable
CREATE TABLE "PresetVersion" (
    "id" TEXT NOT NULL,
    "presetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "videoName" TEXT,
    "tags" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PresetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Task_ownerId_createdAt_id_idx" ON "Task"("ownerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Task_ownerId_status_createdAt_id_idx" ON "Task"("ownerId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Task_presetId_createdAt_id_idx" ON "Task"("presetId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Preset_ownerId_createdAt_id_idx" ON "Preset"("ownerId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Preset_ownerId_name_key" ON "Preset"("ownerId", "name");

-- CreateIndex
CREATE INDEX "PresetTag_tag_idx" ON "PresetTag"("tag");

-- CreateIndex
CREATE UNIQUE INDEX "PresetVersion_presetId_version_key" ON "PresetVersion"("presetId", "version");

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresetTag" ADD CONSTRAINT "PresetTag_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PresetVersion" ADD CONSTRAINT "PresetVersion_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset"("id") ON DELETE CASCADE ON UPDATE CASCADE;
