/** Who may do what. Pure functions of the viewer and the resource. */

export type Role = "admin" | "secretariat" | "committee";

/** The signed-in user, or null for an anonymous visitor. Sign-in comes with the workspace issue. */
export type Viewer = { id: number; role: Role } | null;

/** Final rounds are public; drafts are for the secretariat, the committee and admins. */
export function canViewRound(viewer: Viewer, round: { status: string }): boolean {
  return round.status === "final" || viewer !== null;
}
