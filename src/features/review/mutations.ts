/**
 * The committee's review: threads and posts on a draft round. Every write checks the round is
 * still a draft (a final round's threads are read-only; an unlock opens them again), goes to
 * the audit log, and queues its e-mail notices in the same transaction (MailOutbox), which are
 * sent after the commit and tried again until they go: a failed send never loses a post.
 */
import { createTranslator } from "next-intl";
import { fyLabel } from "@/domain/fiscal-year";
import type { Viewer } from "@/features/auth/ability";
import { auditWriter } from "@/features/audit/mutations";
import { canEditPost, canModerate, canPost, canResolve, stateAfterPost } from "@/features/review/ability";
import type { ThreadCreate } from "@/features/review/schema";
import { loadMessages } from "@/i18n/messages";
import { prisma } from "@/lib/db";
import { appUrl, mailEnabled, sendMail } from "@/lib/mail";
import type { PrismaClient, PrismaTx } from "@/lib/prisma-client";

type Member = NonNullable<Viewer>;
export type ReviewResult<T = object> =
  ({ kind: "ok" } & T) | { kind: "not-found" } | { kind: "kpi-not-found" } | { kind: "round-final" } | { kind: "forbidden" } | { kind: "conflict" };

const threadContext = {
  id: true,
  authorId: true,
  state: true,
  scope: true,
  kind: true,
  kpi: { select: { id: true, code: true, nameJa: true, nameEn: true } },
  project: { select: { id: true, no: true, nameJa: true, nameEn: true } },
  round: { select: { id: true, status: true, fiscalYear: true, plan: { select: { id: true, code: true, nameJa: true, nameEn: true } } } },
} as const;
type ThreadContext = NonNullable<Awaited<ReturnType<typeof findThread>>>;
const findThread = (tx: PrismaTx, id: number) => tx.thread.findUnique({ where: { id }, select: threadContext });

const audit = (tx: PrismaTx, viewer: Member, t: ThreadContext) =>
  auditWriter(tx, { userId: viewer.id, planId: t.round.plan.id, roundId: t.round.id, fiscalYear: t.round.fiscalYear });

/** Opens a thread on a KPI, a project or the round, with its first post. */
export async function createThread(planCode: string, fy: number, input: ThreadCreate, viewer: Member): Promise<ReviewResult<{ id: number }>> {
  if (!canPost(viewer)) return { kind: "forbidden" };
  const result = await prisma.$transaction(async (tx): Promise<ReviewResult<{ id: number }>> => {
    const round = await tx.followUpRound.findFirst({ where: { plan: { code: planCode }, fiscalYear: fy }, select: { id: true, status: true, planId: true } });
    if (!round) return { kind: "not-found" };
    if (round.status !== "draft") return { kind: "round-final" };
    const kpi =
      input.scope === "kpi" ? await tx.kpi.findUnique({ where: { planId_code: { planId: round.planId, code: input.kpi! } }, select: { id: true } }) : null;
    const project =
      input.scope === "project" ? await tx.project.findFirst({ where: { planId: round.planId, no: input.project! }, select: { id: true } }) : null;
    if ((input.scope === "kpi" && !kpi) || (input.scope === "project" && !project)) return { kind: "kpi-not-found" };
    const created = await tx.thread.create({
      data: {
        roundId: round.id,
        scope: input.scope,
        kpiId: kpi?.id ?? null,
        projectId: project?.id ?? null,
        kind: input.kind,
        state: stateAfterPost(viewer.role),
        authorId: viewer.id,
        posts: { create: { authorId: viewer.id, lang: input.lang, body: input.body } },
      },
      select: { id: true, posts: { select: { id: true } } },
    });
    const thread = (await findThread(tx, created.id))!;
    await audit(
      tx,
      viewer,
      thread,
    )({ action: "review.thread", entity: "Thread", entityId: thread.id, kpiId: kpi?.id ?? null, field: "state", newValue: thread.state });
    await audit(
      tx,
      viewer,
      thread,
    )({ action: "review.post", entity: "Post", entityId: created.posts[0].id, kpiId: kpi?.id ?? null, field: "body", newValue: input.body });
    await queueNotices(tx, thread, viewer, input.body);
    return { kind: "ok", id: thread.id };
  });
  if (result.kind === "ok") void deliverMail();
  return result;
}

/** Adds a post to a thread: the secretariat's answers it, anyone else's sends it back to the secretariat (a resolved thread opens again). */
export async function addPost(threadId: number, input: { body: string; lang: "ja" | "en" }, viewer: Member): Promise<ReviewResult<{ id: number }>> {
  if (!canPost(viewer)) return { kind: "forbidden" };
  const result = await prisma.$transaction(async (tx): Promise<ReviewResult<{ id: number }>> => {
    const thread = await findThread(tx, threadId);
    if (!thread) return { kind: "not-found" };
    if (thread.round.status !== "draft") return { kind: "round-final" };
    const post = await tx.post.create({ data: { threadId, authorId: viewer.id, lang: input.lang, body: input.body }, select: { id: true } });
    const state = stateAfterPost(viewer.role);
    await tx.thread.update({ where: { id: threadId }, data: { state, updatedAt: new Date(), version: { increment: 1 } } });
    const write = audit(tx, viewer, thread);
    await write({ action: "review.post", entity: "Post", entityId: post.id, kpiId: thread.kpi?.id ?? null, field: "body", newValue: input.body });
    if (state !== thread.state)
      await write({
        action: "review.state",
        entity: "Thread",
        entityId: threadId,
        kpiId: thread.kpi?.id ?? null,
        field: "state",
        oldValue: thread.state,
        newValue: state,
      });
    await queueNotices(tx, thread, viewer, input.body);
    return { kind: "ok", id: post.id };
  });
  if (result.kind === "ok") void deliverMail();
  return result;
}

/** Edits one's own post; the earlier text is kept (PostRevision) and audited. `version` is the post's version the editor started from. */
export async function editPost(postId: number, input: { body: string; version: number }, viewer: Member): Promise<ReviewResult> {
  return prisma.$transaction(async (tx): Promise<ReviewResult> => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { authorId: true, body: true, version: true, hiddenAt: true, threadId: true } });
    if (!post) return { kind: "not-found" };
    if (!canEditPost(viewer, post) || post.hiddenAt) return { kind: "forbidden" };
    const thread = (await findThread(tx, post.threadId))!;
    if (thread.round.status !== "draft") return { kind: "round-final" };
    if (post.version !== input.version) return { kind: "conflict" };
    if (post.body === input.body) return { kind: "ok" };
    await tx.postRevision.create({ data: { postId, body: post.body, editedById: viewer.id } });
    await tx.post.update({ where: { id: postId }, data: { body: input.body, editedAt: new Date(), version: { increment: 1 } } });
    await audit(
      tx,
      viewer,
      thread,
    )({ action: "review.edit", entity: "Post", entityId: postId, kpiId: thread.kpi?.id ?? null, field: "body", oldValue: post.body, newValue: input.body });
    return { kind: "ok" };
  });
}

/** Resolves a thread, or opens it again (waiting for the secretariat). */
export async function setThreadState(threadId: number, to: "resolved" | "open", viewer: Member): Promise<ReviewResult> {
  return prisma.$transaction(async (tx): Promise<ReviewResult> => {
    const thread = await findThread(tx, threadId);
    if (!thread) return { kind: "not-found" };
    if (!canResolve(viewer, thread)) return { kind: "forbidden" };
    if (thread.round.status !== "draft") return { kind: "round-final" };
    if (thread.state === to) return { kind: "ok" };
    await tx.thread.update({ where: { id: threadId }, data: { state: to, updatedAt: new Date(), version: { increment: 1 } } });
    await audit(
      tx,
      viewer,
      thread,
    )({ action: "review.state", entity: "Thread", entityId: threadId, kpiId: thread.kpi?.id ?? null, field: "state", oldValue: thread.state, newValue: to });
    return { kind: "ok" };
  });
}

/** Hides a post (moderation, admins), with a reason; its text stays in the audit log. */
export async function hidePost(postId: number, reason: string, viewer: Member): Promise<ReviewResult> {
  if (!canModerate(viewer)) return { kind: "forbidden" };
  return prisma.$transaction(async (tx): Promise<ReviewResult> => {
    const post = await tx.post.findUnique({ where: { id: postId }, select: { threadId: true, hiddenAt: true, body: true } });
    if (!post) return { kind: "not-found" };
    const thread = (await findThread(tx, post.threadId))!;
    if (thread.round.status !== "draft") return { kind: "round-final" };
    if (post.hiddenAt) return { kind: "ok" };
    await tx.post.update({ where: { id: postId }, data: { hiddenAt: new Date(), version: { increment: 1 } } });
    await audit(
      tx,
      viewer,
      thread,
    )({ action: "review.hide", entity: "Post", entityId: postId, kpiId: thread.kpi?.id ?? null, field: "body", oldValue: post.body, newValue: null, reason });
    return { kind: "ok" };
  });
}

/**
 * The e-mails a post sends, queued in its transaction when e-mail is on: a post by the
 * committee (a new thread or a reply) to every active member of the secretariat; a post by
 * the secretariat to the one who asked. Each in its recipient's language, with a link to the thread.
 */
async function queueNotices(tx: PrismaTx, thread: ThreadContext, viewer: Member, body: string) {
  if (!mailEnabled()) return;
  const recipients =
    viewer.role === "secretariat"
      ? await tx.user.findMany({ where: { id: thread.authorId, disabledAt: null, NOT: { id: viewer.id } } })
      : await tx.user.findMany({ where: { role: "secretariat", disabledAt: null, NOT: { id: viewer.id } } });
  const writer = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true } });
  for (const to of recipients) {
    const locale = to.locale === "en" ? "en" : "ja";
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Review" });
    const name = (o: { nameJa: string; nameEn: string }) => (locale === "ja" ? o.nameJa : o.nameEn);
    const subject = thread.kpi ? name(thread.kpi) : thread.project ? name(thread.project) : t("scopeRound");
    const values = {
      plan: name(thread.round.plan),
      year: fyLabel(thread.round.fiscalYear, locale),
      subject,
      author: writer.name,
      kind: t(thread.kind as "question" | "opinion"),
    };
    const link = `${appUrl()}/${locale}/workspace/${encodeURIComponent(thread.round.plan.code)}/${thread.round.fiscalYear}/review#thread-${thread.id}`;
    await tx.mailOutbox.create({
      data: {
        userId: to.id,
        to: to.email,
        subject: t(viewer.role === "secretariat" ? "mailAnswerSubject" : "mailQuestionSubject", values),
        text: `${t(viewer.role === "secretariat" ? "mailAnswerBody" : "mailQuestionBody", values)}\n\n${body}\n\n${t("mailLink")}\n${link}\n`,
      },
    });
  }
}

/**
 * How long a server holds a mail it claimed to send: longer than a send may take (nodemailer
 * gives up on a silent connection after 10 minutes). A server that dies mid-send leaves the
 * mail claimed; once the lease is over it is due again, and another server (or this one,
 * restarted) sends it.
 */
export const MAIL_LEASE_MS = 15 * 60_000;

/**
 * Claims a due mail for this server before it is sent, so that two servers running
 * deliverMail at once never both send it: the claim moves its next attempt to the end of the
 * lease, only if the mail is still unsent and its next attempt is still the one it read. One
 * UPDATE, atomic on both databases (on PostgreSQL the second server's waits for the first's
 * row lock, then finds the row changed): of two servers that read the same mail, only the
 * first claims it; the other's claim changes nothing and it skips the mail.
 */
export async function claimMail(mail: { id: number; nextAttemptAt: Date }, now: Date, db: PrismaClient = prisma): Promise<boolean> {
  const { count } = await db.mailOutbox.updateMany({
    where: { id: mail.id, sentAt: null, nextAttemptAt: mail.nextAttemptAt },
    data: { nextAttemptAt: new Date(now.getTime() + MAIL_LEASE_MS) },
  });
  return count === 1;
}

/** The delivery under way per client (a server has one): one at a time per server. */
const delivering = new WeakMap<PrismaClient, Promise<number>>();

/**
 * Sends the queued e-mails that are due, one at a time, each claimed first (claimMail): with
 * several servers on one database, each mail goes once. A failed one is tried again later
 * (after 1, 2, 4… minutes, up to an hour, at most 20 times). One delivery at a time per
 * server. Returns how many this server sent.
 */
export function deliverMail(now = () => new Date(), db: PrismaClient = prisma): Promise<number> {
  if (!mailEnabled()) return Promise.resolve(0);
  const running = delivering.get(db);
  if (running) return running;
  const delivery = (async () => {
    let sent = 0;
    const due = await db.mailOutbox.findMany({
      where: { sentAt: null, attempts: { lt: 20 }, nextAttemptAt: { lte: now() } },
      orderBy: { id: "asc" },
      take: 50,
    });
    for (const mail of due) {
      if (!(await claimMail(mail, now(), db))) continue;
      try {
        await sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
        await db.mailOutbox.update({ where: { id: mail.id }, data: { sentAt: now(), attempts: { increment: 1 }, lastError: null } });
        sent++;
      } catch (error) {
        const delay = Math.min(60, 2 ** mail.attempts) * 60_000;
        await db.mailOutbox.update({
          where: { id: mail.id },
          data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now().getTime() + delay), lastError: String((error as Error).message).slice(0, 500) },
        });
        console.error(`E-mail ${mail.id} to ${mail.to} not sent (attempt ${mail.attempts + 1}): ${(error as Error).message}`);
      }
    }
    return sent;
  })().finally(() => delivering.delete(db));
  delivering.set(db, delivery);
  return delivery;
}
