// The one writer of the audit log. Every write records its changes through it, inside its own
// transaction, so that a change and its record commit or roll back together. The log is
// append-only: database triggers refuse UPDATE and DELETE.
import type { PrismaTx } from "@/lib/prisma-client";

/** Who made the changes, and where: the plan, round and fiscal year they belong to. */
export interface AuditContext {
  userId: number | null;
  planId?: number | null;
  roundId?: number | null;
  fiscalYear?: number | null;
  reason?: string | null;
}

/** One changed field: old → new (values are stored as text; null is "nothing"). */
export interface AuditChange {
  /** e.g. value.update, entry.rating, round.finalize, kpi.target, user.password */
  action: string;
  /** e.g. YearlyValue, RoundEntry, FollowUpRound, Kpi, Project, User */
  entity: string;
  entityId?: number | null;
  kpiId?: number | null;
  field: string;
  oldValue?: unknown;
  newValue?: unknown;
  /** overrides the context's */
  reason?: string | null;
  fiscalYear?: number | null;
}

/** A value as the log keeps it: text, or null for nothing. */
export function auditText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** One row of the log: a change in its context. */
function auditRow(context: AuditContext, change: AuditChange) {
  return {
    ...context,
    ...change,
    reason: change.reason === undefined ? (context.reason ?? null) : change.reason,
    oldValue: auditText(change.oldValue),
    newValue: auditText(change.newValue),
  };
}

/** A recorder for a transaction: call it once per changed field. */
export function auditWriter(tx: PrismaTx, context: AuditContext) {
  return (change: AuditChange) => tx.auditLog.create({ data: auditRow(context, change) });
}

/** The same for a write of many changes (a grid's save): all of them in one statement, in their order. */
export async function auditMany(tx: PrismaTx, context: AuditContext, changes: AuditChange[]): Promise<void> {
  if (changes.length) await tx.auditLog.createMany({ data: changes.map((change) => auditRow(context, change)) });
}
