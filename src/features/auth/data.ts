import "server-only";
import { prisma } from "@/lib/db";
import { sessionDigest, USER_FIELDS } from "@/features/auth/model";

/** Every user for the admin page, enabled ones first, then by e-mail; never the password hash. */
export async function listUsers() {
  const users = await prisma.user.findMany({ select: USER_FIELDS, orderBy: { email: "asc" } });
  return users.sort((a, b) => Number(a.disabledAt !== null) - Number(b.disabledAt !== null));
}

/** A session by its id, with its user; null when it was ended. */
export async function sessionRow(sid: string) {
  return prisma.session.findUnique({
    where: { id: sessionDigest(sid) },
    select: { expiresAt: true, user: { select: { id: true, role: true, name: true, email: true, disabledAt: true } } },
  });
}

/** The account behind an e-mail address, to check a password at sign-in. */
export async function userByEmail(email: string) {
  return prisma.user.findUnique({ where: { email }, select: { id: true, name: true, role: true, passwordHash: true, disabledAt: true } });
}
