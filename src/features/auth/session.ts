import "server-only";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { SESSION_COOKIE } from "@/lib/api";
import { prisma } from "@/lib/db";
import { isRole, type Viewer } from "./ability";
import { sessionRow } from "./data";
import { beginSession, endSession, SESSION_HOURS } from "./mutations";
import { serverSecret } from "./secret";

export interface SessionData {
  /** the session's random id; the database keeps only its digest (see the Session model) */
  sid?: string;
}

function options(): SessionOptions {
  return {
    cookieName: SESSION_COOKIE,
    password: serverSecret(),
    ttl: 60 * 60 * SESSION_HOURS, // a working day
    cookieOptions: {
      httpOnly: true,
      sameSite: "lax",
      // Secure in production; COOKIE_SECURE=false only for plain-http test servers.
      secure: process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false",
      path: "/",
    },
  };
}

async function getSession() {
  return getIronSession<SessionData>(await cookies(), options());
}

/**
 * The signed-in user, checked against the database on every request; null when anonymous,
 * when the session was ended (signed out, a new password, the account disabled) or has
 * expired, or when the account is disabled.
 */
export async function getViewer(): Promise<Viewer> {
  const { sid } = await getSession();
  if (!sid) return null;
  const row = await sessionRow(sid);
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  const { user } = row;
  if (!isRole(user.role) || user.disabledAt !== null) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}

/** Starts a session for a user who proved their password (ending the one this browser had, if any). */
export async function startSession(userId: number): Promise<void> {
  const session = await getSession();
  if (session.sid) await endSession(prisma, session.sid);
  session.sid = await beginSession(prisma, userId);
  await session.save();
}

/** Signs out: the session ends on the server, so a copy of the cookie no longer works either. */
export async function stopSession(): Promise<void> {
  const session = await getSession();
  if (session.sid) await endSession(prisma, session.sid);
  session.destroy();
}
