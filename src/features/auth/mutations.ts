import type { PrismaClient } from "@/lib/prisma-client";
import { hashPassword } from "./password";
import { newUserSchema } from "./schema";

/** Creates a user, or resets the name, role and password of an existing one (by e-mail). */
export async function upsertUser(prisma: PrismaClient, input: unknown) {
  const { email, name, role, password } = newUserSchema.parse(input);
  const passwordHash = await hashPassword(password);
  return prisma.user.upsert({
    where: { email },
    update: { name, role, passwordHash },
    create: { email, name, role, passwordHash },
    select: { id: true, email: true, role: true },
  });
}
