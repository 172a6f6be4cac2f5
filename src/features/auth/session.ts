import "server-only";
import { getIronSession, type SessionOptions } from "iron-session";
import { cookies } from "next/headers";
import { prisma } from "@/lib/db";
import { isRole, type Viewer } from "./ability";
import { serverSecret } from "./secret";

export interface SessionData {
  userId?: number;
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

/** The signed-in user, checked against the database on every request; null when anonymous. */
export async function getViewer(): Promise<Viewer> {
  const session = await getSession();
  if (!session.userId) return null;
  const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { id: true, role: true, name: true, email: true } });
  if (!user || !isRole(user.role)) return null;
  return { id: user.id, role: user.role, name: user.name, email: user.email };
}
