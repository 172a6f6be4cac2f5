-- DropIndex
DROP INDEX "AuditLog_kpiId_at_idx";

-- CreateIndex
CREATE INDEX "AuditLog_planId_fiscalYear_id_idx" ON "AuditLog"("planId", "fiscalYear", "id");

-- CreateIndex
CREATE INDEX "AuditLog_planId_field_id_idx" ON "AuditLog"("planId", "field", "id");

-- CreateIndex
CREATE INDEX "AuditLog_planId_fiscalYear_field_id_idx" ON "AuditLog"("planId", "fiscalYear", "field", "id");

-- CreateIndex
CREATE INDEX "AuditLog_planId_action_id_idx" ON "AuditLog"("planId", "action", "id");

-- CreateIndex
CREATE INDEX "AuditLog_kpiId_id_idx" ON "AuditLog"("kpiId", "id");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_id_idx" ON "AuditLog"("entity", "entityId", "id");

-- CreateIndex
CREATE INDEX "AuditLog_entity_id_idx" ON "AuditLog"("entity", "id");
