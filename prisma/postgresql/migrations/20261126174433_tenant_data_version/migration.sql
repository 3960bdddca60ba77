-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;

-- Written by hand (Prisma does not manage triggers): every write to a tenant's tasks or presets
-- raises its dataVersion in the same transaction, so a response cached under an older version is
-- never served again, whichever process wrote. Preset tags and versions are only written together
-- with their preset row.
CREATE FUNCTION "raise_tenant_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = OLD."ownerId";
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."ownerId" <> OLD."ownerId") THEN
        UPDATE "Tenant" SET "dataVersion" = "dataVersion" + 1 WHERE "id" = NEW."ownerId";
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "Task_raises_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Task"
    FOR EACH ROW EXECUTE FUNCTION "raise_tenant_data_version"();
CREATE TRIGGER "Preset_raises_data_version" AFTER INSERT OR UPDATE OR DELETE ON "Preset"
    FOR EACH ROW EXECUTE FUNCTION "raise_tenant_data_version"();
