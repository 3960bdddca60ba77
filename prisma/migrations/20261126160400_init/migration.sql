-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL DEFAULT 'default',
    "videoName" TEXT NOT NULL,
    "thumbnailUrl" TEXT,
    "params" TEXT NOT NULL,
    "paramString" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTING',
    "platformTaskId" TEXT,
    "platformCode" INTEGER,
    "platformMessage" TEXT,
    "failureReason" TEXT,
    "presetId" TEXT,
    "presetVersion" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Task_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Preset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerId" TEXT NOT NULL DEFAULT 'default',
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "videoName" TEXT,
    "params" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PresetTag" (
    "presetId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,

    PRIMARY KEY ("presetId", "tag"),
    CONSTRAINT "PresetTag_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PresetVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presetId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "videoName" TEXT,
    "tags" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PresetVersion_presetId_fkey" FOREIGN KEY ("presetId") REFERENCES "Preset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
