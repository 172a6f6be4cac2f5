/** Who may do what. Pure functions of the viewer and the resource. */

export const ROLES = ["admin", "secretariat", "committee"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The signed-in user, or null for an anonymous visitor. */
export type Viewer = { id: number; role: Role; name?: string; email?: string } | null;

/** Final rounds are public; drafts are for the secretariat, the committee and admins. */
export function canViewRound(viewer: Viewer, round: { status: string }): boolean {
  return round.status === "final" || (viewer !== null && isRole(viewer.role));
}

/** Entering data, narratives and ratings, and preparing rounds: the secretariat and admins. */
export function canEditRound(viewer: Viewer): boolean {
  return viewer !== null && (viewer.role === "secretariat" || viewer.role === "admin");
}

/** Unlocking a final round for corrections: admins only. */
export function canUnlockRound(viewer: Viewer): boolean {
  return viewer?.role === "admin";
}

/** Users and plans: admins only. */
export function canAdminister(viewer: Viewer): boolean {
  return viewer?.role === "admin";
}

/**
 * Why an admin may not make this change to a user, or null. Admins cannot lock themselves
 * out: they may neither disable their own account nor give up their own admin role, so
 * the admin making a change always remains, and there is always at least one admin.
 */
export function userChangeRefusal(viewer: Viewer, userId: number, change: { role?: Role; disabled?: boolean }): "selfDisable" | "selfDemote" | null {
  if (viewer?.id !== userId) return null;
  if (change.disabled === true) return "selfDisable";
  if (change.role !== undefined && change.role !== "admin") return "selfDemote";
  return null;
}
