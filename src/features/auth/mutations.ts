// Writes to users, sessions and sign-in attempts. The CLI and the seed pass their own Prisma
// client; the app uses its singleton.
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

/** The sign-in limits: 5 attempts per e-mail address and 20 per client address, in any 15 minutes. */
export const SIGN_IN_LIMITS = { email: 5, client: 20, windowMs: 15 * 60_000 } as const;

/** The most expired attempts one sign-in deletes: a steady trickle, never one long delete after a flood. */
const PRUNE_BATCH = 500;

/**
 * Counts a sign-in attempt against the limits, in the database (SignInAttempt) so that every
 * app server counts the same attempts. The client's address first: a client over its limit is
 * refused before the e-mail address is counted. Returns the seconds to wait when over a limit,
 * else 0. A refused attempt is not kept, so the wait it announces is true (but for the race
 * below): once it is over, the next attempt goes through. The window slides: an attempt counts
 * for 15 minutes after it was made.
 *
 * Two servers counting the same key at once never let more than the limit through: each
 * attempt is written (and committed) first, then counted, so of any two attempts the one that
 * counts last sees both. No transaction: a serializable one (count, then write) is exact too,
 * but on PostgreSQL concurrent sign-ins, even for other addresses, lose races to each other
 * and run again, and past five runs the sign-in fails with a 500 (tried: of 40 attempts for one
 * address at once through two servers, about half failed). Here nothing fails, and attempts
 * for other keys never get in each other's way; at worst attempts racing for the last places
 * see each other and are all refused, with a wait that is too long, which a limiter may afford.
 *
 * No cap on the number of keys, unlike the in-memory limiter this replaces (whose cap, once
 * reached, forgot the oldest keys, so a flood of new addresses could wipe a guessed address's
 * count): rows live for one window and are deleted after it, a bounded number per attempt, and
 * a flood is bounded by the per-client limit (a client's refused attempts leave no rows) and
 * by the disk, not by a server's memory.
 */
export async function countSignInAttempt(attempt: { client: string; email: string }, now = new Date(), db: PrismaClient = prisma): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
  const limits = [
    [`client:${attempt.client}`, SIGN_IN_LIMITS.client],
    [`email:${attempt.email.toLowerCase()}`, SIGN_IN_LIMITS.email],
  ] as const;
  let wait = 0;
  for (const [key, limit] of limits) {
    const { id } = await db.signInAttempt.create({ data: { key, at: now }, select: { id: true } });
    wait = await secondsToWait(db, key, id, limit, since, now);
    if (wait > 0) {
      await db.signInAttempt.deleteMany({ where: { id } });
      break;
    }
  }
  const old = await db.signInAttempt.findMany({ where: { at: { lte: since } }, select: { id: true }, orderBy: { at: "asc" }, take: PRUNE_BATCH });
  if (old.length > 0) await db.signInAttempt.deleteMany({ where: { id: { in: old.map((row) => row.id) } } });
  return wait;
}

/** The seconds until a key has fewer than `limit` other attempts in the window (at least 1), or 0 if it has now; `id` is this attempt's. */
async function secondsToWait(db: PrismaClient, key: string, id: number, limit: number, since: Date, now: Date): Promise<number> {
  const where = { key, at: { gt: since }, NOT: { id } };
  const others = await db.signInAttempt.count({ where });
  if (others < limit) return 0;
  // The attempt whose end brings the others under the limit.
  const freeing = await db.signInAttempt.findFirst({ where, orderBy: [{ at: "asc" }, { id: "asc" }], skip: others - limit, select: { at: true } });
  // gone in between (a successful sign-in forgot the address's attempts): wait the least
  if (!freeing) return 1;
  return Math.max(1, Math.ceil((freeing.at.getTime() + SIGN_IN_LIMITS.windowMs - now.getTime()) / 1000));
}

/** A successful sign-in forgets the e-mail address's attempts (not the client's). */
export async function forgetSignInAttempts(email: string, db: PrismaClient = prisma): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { key: `email:${email.toLowerCase()}` } });
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
