import "server-only";
import { createHash } from "node:crypto";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db";
import { isRole, type Viewer } from "./ability";
import { serverSecret } from "./secret";

export interface SessionData {
  userId?: number;
  /** passwordStamp() of the user's password when the session began */
  stamp?: string;
}

/**
 * A short digest of the user's password hash, kept in the session: a new password (a reset
 * by an admin) ends every session begun with the old one.
 */
export function passwordStamp(passwordHash: string): string {
  return createHash("sha256").update(passwordHash).digest("base64url").slice(0, 22);
}

function options(): SessionOptions {
  return {
    cookieName: "kpi_session",
    password: serverSecret(),
    ttl: 60 * 60 * 8, // a working day
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      // Secure in production; COOKIE_SECURE=false only for plain-http test servers.
      secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
      path: "/",
    },
  };
}

export async function getSession() {
  return getIronSession<SessionData>(await cookies(), options());
}

/**
 * The signed-in user, checked against the database on every request; null when anonymous,
 * when the account is disabled, or when its password was changed since the session began.
 */
export async function getViewer(): Promise<Viewer> {
  const session = await getSession();
  if (!session.userId) return null;
  const user = await prisma.user.findUnique({
    where: { id: session.userId },
    select: { id: true, role: true, name: true, email: true, passwordHash: true, disabledAt: true },
  });
  if (!user || !isRole(user.role) || user.disabledAt !== null || session.stamp !== passwordStamp(user.passwordHash)) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/** Starts (or renews) the session of a user who proved their password. */
export async function startSession(user: { id: number; passwordHash: string }): Promise<void> {
  const session = await getSession();
  session.userId = user.id;
  session.stamp = passwordStamp(user.passwordHash);
  await session.save();
}
