import "server-only";
import { prisma } from "@/lib/db";
import { sessionDigest, USER_FIELDS } from "@/features/auth/mutations";

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
