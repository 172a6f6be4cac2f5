import type { Viewer } from "@/features/auth/ability";
import type { ThreadFilter } from "@/features/review/schema";
import type { ThreadView } from "@/features/review/model";
import { prisma } from "@/lib/db";

const author = { select: { id: true, name: true, role: true } } as const;

/**
 * The threads of a plan's round, oldest first, with their posts (a hidden post's text left
 * out), filtered. For signed-in users only: the caller has checked the viewer.
 */
export async function loadThreads(planCode: string, fy: number, filter: ThreadFilter = {}): Promise<ThreadView[]> {
  const rows = await prisma.thread.findMany({
    where: {
      round: { plan: { code: planCode }, fiscalYear: fy },
      ...(filter.state ? { state: filter.state } : {}),
      ...(filter.author ? { authorId: filter.author } : {}),
      ...(filter.kpi ? { kpi: { code: filter.kpi } } : {}),
      ...(filter.project !== undefined
        ? filter.project === 0
          ? { scope: "kpi", kpi: { projectId: null } }
          : { OR: [{ project: { no: filter.project } }, { kpi: { project: { no: filter.project } } }] }
        : {}),
    },
    orderBy: { id: "asc" },
    include: {
      author,
      kpi: { select: { code: true, nameJa: true, nameEn: true, project: { select: { no: true } } } },
      project: { select: { no: true, nameJa: true, nameEn: true } },
      posts: { orderBy: { id: "asc" }, include: { author, _count: { select: { revisions: true } } } },
    },
  });
  return rows.map((t) => ({
    id: t.id,
    scope: t.scope as ThreadView["scope"],
    kpi: t.kpi && { code: t.kpi.code, nameJa: t.kpi.nameJa, nameEn: t.kpi.nameEn },
    projectNo: t.project?.no ?? t.kpi?.project?.no ?? null,
    project: t.project,
    kind: t.kind as ThreadView["kind"],
    state: t.state as ThreadView["state"],
    author: t.author,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    posts: t.posts.map((p) => ({
      id: p.id,
      author: p.author,
      lang: p.lang as "ja" | "en",
      body: p.hiddenAt ? null : p.body,
      hidden: p.hiddenAt !== null,
      createdAt: p.createdAt.toISOString(),
      editedAt: p.editedAt?.toISOString() ?? null,
      revisions: p._count.revisions,
      version: p.version,
    })),
  }));
}

/** How many threads of a round wait for the secretariat. */
export function countWaiting(planCode: string, fy: number): Promise<number> {
  return prisma.thread.count({ where: { round: { plan: { code: planCode }, fiscalYear: fy }, state: "open" } });
}

/** The people who wrote in a round's threads: the review page's author filter. */
export async function threadAuthors(planCode: string, fy: number) {
  return prisma.user.findMany({
    where: { threads: { some: { round: { plan: { code: planCode }, fiscalYear: fy } } } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/**
 * What waits for a signed-in user in the rounds still under review (drafts): for the
 * secretariat, the threads waiting for an answer; for anyone, their own threads answered
 * and waiting for them.
 */
export async function noticesFor(viewer: NonNullable<Viewer>) {
  const rows = await prisma.thread.findMany({
    where: {
      round: { status: "draft" },
      OR: [...(viewer.role === "secretariat" ? [{ state: "open" }] : []), { state: "answered", authorId: viewer.id }],
    },
    orderBy: { updatedAt: "desc" },
    take: 100,
    select: {
      id: true,
      state: true,
      kind: true,
      scope: true,
      updatedAt: true,
      author: { select: { name: true } },
      kpi: { select: { code: true, nameJa: true, nameEn: true } },
      round: { select: { fiscalYear: true, plan: { select: { code: true, nameJa: true, nameEn: true } } } },
    },
  });
  return rows.map((t) => ({
    id: t.id,
    state: t.state as "open" | "answered",
    kind: t.kind as "question" | "opinion",
    scope: t.scope,
    updatedAt: t.updatedAt.toISOString(),
    author: t.author.name,
    kpi: t.kpi,
    plan: t.round.plan,
    fy: t.round.fiscalYear,
  }));
}
export type Notice = Awaited<ReturnType<typeof noticesFor>>[number];
