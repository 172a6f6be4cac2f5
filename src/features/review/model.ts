/** The committee's review as plain data for the pages: threads, their posts, and what waits for whom. */

export type ThreadState = "open" | "answered" | "resolved";

/** The longest post, in characters. */
export const POST_MAX = 4000;

export interface PostView {
  id: number;
  author: { id: number; name: string; role: string };
  lang: "ja" | "en";
  /** null when an administrator hid it */
  body: string | null;
  hidden: boolean;
  createdAt: string;
  editedAt: string | null;
  /** how many earlier texts an edit kept */
  revisions: number;
  version: number;
}

export interface ThreadView {
  id: number;
  scope: "kpi" | "project" | "round";
  kpi: { code: string; nameJa: string; nameEn: string } | null;
  /** the project of the thread, or of its KPI (null: plan-wide or the round) */
  projectNo: number | null;
  /** the project a thread on a project is about */
  project: { no: number; nameJa: string; nameEn: string } | null;
  kind: "question" | "opinion";
  state: ThreadState;
  author: { id: number; name: string; role: string };
  createdAt: string;
  updatedAt: string;
  posts: PostView[];
}

/** Who a thread waits for: the secretariat (open), the one who asked (answered), nobody (resolved). */
export function waitingFor(thread: Pick<ThreadView, "state">): "secretariat" | "asker" | null {
  return thread.state === "open" ? "secretariat" : thread.state === "answered" ? "asker" : null;
}

/** Threads per KPI code, with how many wait for the secretariat: the entry grid's badges. */
export function threadCounts(threads: readonly ThreadView[]): Record<string, { total: number; open: number }> {
  const counts: Record<string, { total: number; open: number }> = {};
  for (const t of threads) {
    if (!t.kpi) continue;
    const c = (counts[t.kpi.code] ??= { total: 0, open: 0 });
    c.total++;
    if (t.state === "open") c.open++;
  }
  return counts;
}
