/** Who may do what in the committee's review of a round. Pure functions of the viewer and the thread. */
import type { Viewer } from "@/features/auth/ability";

/** Opening a thread and writing in one: the committee and the secretariat. */
export function canPost(viewer: Viewer): boolean {
  return viewer?.role === "committee" || viewer?.role === "secretariat";
}

/** Hiding a post (moderation): admins. */
export function canModerate(viewer: Viewer): boolean {
  return viewer?.role === "admin";
}

/** Resolving a thread, or opening it again: the secretariat, the one who asked, and admins. */
export function canResolve(viewer: Viewer, thread: { authorId: number }): boolean {
  return viewer !== null && (viewer.role === "secretariat" || viewer.role === "admin" || viewer.id === thread.authorId);
}

/** Editing a post: its author only. */
export function canEditPost(viewer: Viewer, post: { authorId: number }): boolean {
  return viewer !== null && viewer.id === post.authorId && canPost(viewer);
}

/**
 * A thread's state after a post: the secretariat's post answers it (it waits for the asker);
 * anyone else's waits for the secretariat.
 */
export function stateAfterPost(role: string): "open" | "answered" {
  return role === "secretariat" ? "answered" : "open";
}
