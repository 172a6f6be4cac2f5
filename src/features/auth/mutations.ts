// Writes to users and sessions. The CLI and the seed pass their own Prisma client; the app
// uses its singleton.
import { type Viewer, userChangeRefusal } from "@/features/auth/ability";
import { newUserSchema, type NewUser, type UserChange } from "@/features/auth/schema";
import { auditWriter } from "@/features/audit/mutations";
import { sessionDigest, USER_FIELDS } from "@/features/auth/model";
import { prisma } from "@/lib/db";
import type { Db, PrismaClient, PrismaTx as Tx } from "@/lib/prisma-client";
import { hash, verify } from "@node-rs/argon2";
import { randomBytes } from "node:crypto";

type Actor = NonNullable<Viewer>;

/** How long a session lasts: a working day. */
export const SESSION_HOURS = 8;

/** A new session for a user; returns its id for the cookie. Expired sessions are cleared on the way. */
export async function beginSession(userId: number, db: PrismaClient = prisma): Promise<string> {
  const sid = randomBytes(32).toString("base64url");
  const now = Date.now();
  await db.session.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  await db.session.create({ data: { id: sessionDigest(sid), userId, expiresAt: new Date(now + SESSION_HOURS * 3_600_000) } });
  return sid;
}

/** The language a user signed in with: their notices (e-mail) are written in it. */
export async function rememberLocale(userId: number, locale: "ja" | "en", db: PrismaClient = prisma): Promise<void> {
  await db.user.updateMany({ where: { id: userId, NOT: { locale } }, data: { locale } });
}

/** Ends one session (signing out). */
export async function endSession(sid: string, db: PrismaClient = prisma): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionDigest(sid) } });
}

/** Ends every session of a user: a new password, or the account disabled. */
function endUserSessions(db: Db, userId: number) {
  return db.session.deleteMany({ where: { userId } });
}

/** One audit row per changed field of a user; a password is recorded as changed, never its value. */
function audit(
  tx: Tx,
  userId: number,
  actorId: number | null,
  action: string,
  field: string,
  oldValue: string | null,
  newValue: string | null,
  reason: string | null = null,
) {
  return auditWriter(tx, { userId: actorId, reason })({ action, entity: "User", entityId: userId, field, oldValue, newValue });
}

/**
 * Creates a user, or resets the name, role and password of an existing one (by e-mail) and
 * enables it again: the CLI (the first admin, or getting back in) and the demo seed.
 */
export async function upsertUser(db: PrismaClient, input: unknown, reason = "npm run user:create") {
  const { email, name, role, password } = newUserSchema.parse(input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { email } });
    const user = await tx.user.upsert({
      where: { email },
      update: { name, role, passwordHash, disabledAt: null },
      create: { email, name, role, passwordHash },
      select: { id: true, email: true, role: true },
    });
    if (!before) {
      for (const [field, value] of [
        ["email", email],
        ["name", name],
        ["role", role],
      ] as const)
        await audit(tx, user.id, null, "user.create", field, null, value, reason);
    } else {
      if (before.name !== name) await audit(tx, user.id, null, "user.update", "name", before.name, name, reason);
      if (before.role !== role) await audit(tx, user.id, null, "user.update", "role", before.role, role, reason);
      await audit(tx, user.id, null, "user.password", "password", null, null, reason);
      await endUserSessions(tx, user.id);
      if (before.disabledAt) await audit(tx, user.id, null, "user.enable", "disabledAt", before.disabledAt.toISOString(), null, reason);
    }
    return user;
  });
}

/** A new user, by an admin. */
export async function createUser(input: NewUser, actor: Actor, db: PrismaClient = prisma) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email } })) return { kind: "emailTaken" as const };
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: USER_FIELDS });
    for (const field of ["email", "name", "role"] as const) await audit(tx, user.id, actor.id, "user.create", field, null, user[field]);
    return { kind: "created" as const, user };
  });
}

/**
 * An admin's change to a user: name, role, a new password, disabled or not. The admin must
 * still be an enabled admin when the change is written (two admins demoting each other at
 * the same moment cannot leave none), and may not disable or demote themselves.
 */
export async function changeUser(userId: number, change: UserChange, actor: Actor, db: PrismaClient = prisma) {
  const refusal = userChangeRefusal(actor, userId, change);
  if (refusal) return { kind: refusal };
  const passwordHash = change.password === undefined ? undefined : await hashPassword(change.password);
  return db.$transaction(async (tx) => {
    const me = await tx.user.findUnique({ where: { id: actor.id } });
    if (!me || me.role !== "admin" || me.disabledAt !== null) return { kind: "forbidden" as const };
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) return { kind: "notFound" as const };
    const changed: string[] = [];
    const data: { name?: string; role?: string; passwordHash?: string; disabledAt?: Date | null } = {};
    if (change.name !== undefined && change.name !== user.name) {
      data.name = change.name;
      await audit(tx, user.id, actor.id, "user.update", "name", user.name, change.name);
      changed.push("name");
    }
    if (change.role !== undefined && change.role !== user.role) {
      data.role = change.role;
      await audit(tx, user.id, actor.id, "user.update", "role", user.role, change.role);
      changed.push("role");
    }
    if (passwordHash !== undefined) {
      data.passwordHash = passwordHash;
      await audit(tx, user.id, actor.id, "user.password", "password", null, null);
      changed.push("password");
    }
    if (change.disabled !== undefined && change.disabled !== (user.disabledAt !== null)) {
      data.disabledAt = change.disabled ? new Date() : null;
      await audit(
        tx,
        user.id,
        actor.id,
        change.disabled ? "user.disable" : "user.enable",
        "disabledAt",
        user.disabledAt?.toISOString() ?? null,
        data.disabledAt?.toISOString() ?? null,
      );
      changed.push("disabled");
    }
    const saved = await tx.user.update({ where: { id: user.id }, data, select: USER_FIELDS });
    // A new password or a disabled account ends every session of the user at once.
    if (data.passwordHash !== undefined || data.disabledAt) await endUserSessions(tx, user.id);
    return { kind: "saved" as const, user: saved, changed };
  });
}

/** argon2id with the library's defaults (m = 19 MiB, t = 2, p = 1, OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}
