import { createHash } from "node:crypto";

/** What the admin page shows of a user: never the password hash. */
export const USER_FIELDS = { id: true, email: true, name: true, role: true, createdAt: true, disabledAt: true } as const;

/** What the database keeps of a session id: its digest, so that a copy of the table opens no session. */
export function sessionDigest(sid: string): string {
  return createHash("sha256").update(sid).digest("base64url");
}
