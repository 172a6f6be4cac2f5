import "server-only";
import { prisma } from "@/lib/db";
import { sessionDigest, USER_FIELDS } from "./mutations";

/** Every user for the admin page, enabled ones first, then by e-mail; never the password hash. */
export async function listUsers() {
  const users = await prisma.user.findMany({ select: USER_FIELDS, orderBy: { email: "asc" } });
  return users.sort((a, b) => Number(a.disabledAt !== null) - Number(b.disabledAt !== null));
}

/** The latest changes to users (who, when, what), newest first. */
export async function userAuditTrail(take = 30) {
  const rows = await prisma.auditLog.findMany({ where: { entity: "User" }, orderBy: { id: "desc" }, take, include: { user: { select: { name: true } } } });
  const subjects = new Map(
    (
      await prisma.user.findMany({
        where: { id: { in: rows.map((r) => r.entityId).filter((id): id is number => id !== null) } },
        select: { id: true, email: true },
      })
    ).map((u) => [u.id, u.email]),
  );
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    by: r.user?.name ?? null,
    email: r.entityId === null ? null : (subjects.get(r.entityId) ?? null),
    action: r.action,
    field: r.field,
    oldValue: r.oldValue,
    newValue: r.newValue,
  }));
}

/** A session by its id, with its user; null when it was ended. */
export async function sessionRow(sid: string) {
  return prisma.session.findUnique({
    where: { id: sessionDigest(sid) },
    select: { expiresAt: true, user: { select: { id: true, role: true, name: true, email: true, disabledAt: true } } },
  });
}
