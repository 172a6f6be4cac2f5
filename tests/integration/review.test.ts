/**
 * The committee's review on the 3rd plan's FY2025 draft round (as seeded): threads and their
 * states, who may do what, edits that keep the earlier text, moderation, the audit trail, a
 * final round read-only and an unlock opening it again, what waits for whom, and the e-mail
 * notices through a local SMTP server (smtp-server), with a failed send tried again, and two
 * servers delivering at once sending each mail once.
 */
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/prisma-client";
import { appDb, demoViewer } from "../support/app-db";

const { url, db } = appDb("review");
type Mutations = typeof import("@/features/review/mutations");
let review: Mutations;
let data: typeof import("@/features/review/data");
let followUp: typeof import("@/features/follow-up/mutations");
let viewers: Record<"admin" | "secretariat" | "committee", { id: number; role: "admin" | "secretariat" | "committee" }>;

/** A local SMTP server that keeps what it receives; `down` makes it refuse. */
const received: { to: string; subject: string; text: string }[] = [];
let down = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onRcptTo(address, _session, callback) {
    callback(down ? new Error("mailbox unavailable") : null);
  },
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        received.push({ to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)!.text, subject: mail.subject ?? "", text: mail.text ?? "" });
        callback();
      })
      .catch(callback);
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  process.env.APP_URL = "https://kpi.example.go.jp";
  review = await import("@/features/review/mutations");
  data = await import("@/features/review/data");
  followUp = await import("@/features/follow-up/mutations");
  viewers = { admin: await demoViewer(db, "admin"), secretariat: await demoViewer(db, "secretariat"), committee: await demoViewer(db, "committee") };
  // the committee member reads in English, the secretariat in Japanese
  await db.user.update({ where: { id: viewers.committee.id }, data: { locale: "en" } });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const KPI = "plan3-out-1";
const ask = (body: string, lang: "ja" | "en" = "en") =>
  review.createThread("plan3", 2025, { scope: "kpi", kpi: KPI, kind: "question", body, lang }, viewers.committee);
const waitForMail = async (count: number) => {
  for (let i = 0; i < 100 && received.length < count; i++) await new Promise((r) => setTimeout(r, 50));
  return received;
};

describe("threads", () => {
  it("a question waits for the secretariat; an answer waits for the asker; either resolves it; every step is audited", async () => {
    const kpi = await db.kpi.findFirstOrThrow({ where: { code: KPI, plan: { code: "plan3" } } });
    const asked = await ask("Where does the figure for FY2025 come from?");
    expect(asked.kind).toBe("ok");
    const id = (asked as { id: number }).id;
    let [thread] = await data.loadThreads("plan3", 2025, { kpi: KPI });
    expect(thread).toMatchObject({ id, state: "open", kind: "question", scope: "kpi", kpi: { code: KPI } });
    expect(thread.posts[0]).toMatchObject({ body: "Where does the figure for FY2025 come from?", lang: "en" });

    // the secretariat sees it waiting; the asker does not
    expect((await data.noticesFor(viewers.secretariat)).map((n) => n.id)).toContain(id);
    expect((await data.noticesFor(viewers.committee)).map((n) => n.id)).not.toContain(id);

    expect((await review.addPost(id, { body: "AMEDの集計です。", lang: "ja" }, viewers.secretariat)).kind).toBe("ok");
    [thread] = await data.loadThreads("plan3", 2025, { kpi: KPI });
    expect(thread.state).toBe("answered");
    expect((await data.noticesFor(viewers.committee)).map((n) => n.id)).toContain(id);
    expect((await data.noticesFor(viewers.secretariat)).map((n) => n.id)).not.toContain(id);

    // another committee member's account may not resolve it; the asker may
    const other = await db.user.create({ data: { email: "other-member@example.jp", name: "Other member", role: "committee", passwordHash: "x" } });
    expect((await review.setThreadState(id, "resolved", { id: other.id, role: "committee" })).kind).toBe("forbidden");
    expect((await review.setThreadState(id, "resolved", viewers.committee)).kind).toBe("ok");
    [thread] = await data.loadThreads("plan3", 2025, { kpi: KPI });
    expect(thread.state).toBe("resolved");

    const trail = await db.auditLog.findMany({ where: { action: { startsWith: "review." }, kpiId: kpi.id }, orderBy: { id: "asc" } });
    expect(trail.map((a) => `${a.action} ${a.field} ${a.newValue}`)).toEqual([
      "review.thread state open",
      "review.post body Where does the figure for FY2025 come from?",
      "review.post body AMEDの集計です。",
      "review.state state answered",
      "review.state state resolved",
    ]);
  });

  it("an edit keeps the earlier text; only its author edits, from the version they read; an admin hides a post, with its text kept in the audit log", async () => {
    const { id } = (await ask("Is this a typo?")) as { id: number };
    const [post] = (await data.loadThreads("plan3", 2025, { kpi: KPI })).find((t) => t.id === id)!.posts;
    expect((await review.editPost(post.id, { body: "Is 650 a typo?", version: post.version }, viewers.secretariat)).kind).toBe("forbidden");
    expect((await review.editPost(post.id, { body: "Is 650 a typo?", version: post.version }, viewers.committee)).kind).toBe("ok");
    expect((await review.editPost(post.id, { body: "again", version: post.version }, viewers.committee)).kind).toBe("conflict");
    const revisions = await db.postRevision.findMany({ where: { postId: post.id } });
    expect(revisions.map((r) => r.body)).toEqual(["Is this a typo?"]);
    let [edited] = (await data.loadThreads("plan3", 2025, { kpi: KPI })).find((t) => t.id === id)!.posts;
    expect(edited).toMatchObject({ body: "Is 650 a typo?", revisions: 1 });
    expect(edited.editedAt).not.toBeNull();

    expect((await review.hidePost(post.id, "off topic", viewers.secretariat)).kind).toBe("forbidden");
    expect((await review.hidePost(post.id, "off topic", viewers.admin)).kind).toBe("ok");
    [edited] = (await data.loadThreads("plan3", 2025, { kpi: KPI })).find((t) => t.id === id)!.posts;
    expect(edited).toMatchObject({ body: null, hidden: true });
    const hidden = await db.auditLog.findFirstOrThrow({ where: { action: "review.hide", entityId: post.id } });
    expect(hidden).toMatchObject({ oldValue: "Is 650 a typo?", reason: "off topic" });
  });

  it("an admin may moderate but not post; the public is not a member at all", async () => {
    expect((await review.createThread("plan3", 2025, { scope: "round", kind: "opinion", body: "x", lang: "ja" }, viewers.admin)).kind).toBe("forbidden");
    expect(
      (await review.createThread("plan3", 2025, { scope: "kpi", kpi: "no-such-kpi", kind: "opinion", body: "x", lang: "ja" }, viewers.committee)).kind,
    ).toBe("kpi-not-found");
    expect((await review.createThread("plan3", 2030, { scope: "round", kind: "opinion", body: "x", lang: "ja" }, viewers.committee)).kind).toBe("not-found");
  });

  it("a final round's threads are read-only; an unlock opens them again", async () => {
    const { id } = (await review.createThread(
      "plan3",
      2025,
      { scope: "project", project: 4, kind: "opinion", body: "感染症の指標を増やすべき。", lang: "ja" },
      viewers.committee,
    )) as {
      id: number;
    };
    expect((await data.loadThreads("plan3", 2025, { project: 4 })).map((t) => t.id)).toContain(id);
    expect(await followUp.setRoundStatus("plan3", 2025, { to: "final", meetingNo: null, meetingDate: null }, viewers.secretariat)).toBe("ok");
    expect((await review.addPost(id, { body: "承知しました。", lang: "ja" }, viewers.secretariat)).kind).toBe("round-final");
    expect((await review.setThreadState(id, "resolved", viewers.secretariat)).kind).toBe("round-final");
    expect((await ask("too late")).kind).toBe("round-final");
    // nothing waits while the round is final
    expect((await data.noticesFor(viewers.secretariat)).map((n) => n.id)).not.toContain(id);
    expect(await followUp.setRoundStatus("plan3", 2025, { to: "draft", reason: "questions from the committee" }, viewers.admin)).toBe("ok");
    expect((await review.addPost(id, { body: "承知しました。", lang: "ja" }, viewers.secretariat)).kind).toBe("ok");
  });
});

describe("e-mail notices", () => {
  // the threads above queued their own notices: start from an empty outbox
  beforeEach(async () => {
    await review.deliverMail();
    await db.mailOutbox.deleteMany();
    received.length = 0;
  });

  it("a question goes to the secretariat in Japanese, the answer to the asker in English, each with a link to the thread", async () => {
    const { id } = (await ask("Why is this KPI behind?")) as { id: number };
    await review.deliverMail();
    const [toSecretariat] = await waitForMail(1);
    expect(toSecretariat.to).toBe("secretariat@example.jp");
    expect(toSecretariat.subject).toContain("質問");
    expect(toSecretariat.text).toContain("Why is this KPI behind?");
    expect(toSecretariat.text).toContain(`https://kpi.example.go.jp/ja/workspace/plan3/2025/review#thread-${id}`);

    await review.addPost(id, { body: "集計の遅れです。", lang: "ja" }, viewers.secretariat);
    await review.deliverMail();
    const [, toAsker] = await waitForMail(2);
    expect(toAsker.to).toBe("committee@example.jp");
    expect(toAsker.subject).toContain("the secretariat answered your question");
    expect(toAsker.text).toContain("集計の遅れです。");
    expect(toAsker.text).toContain(`https://kpi.example.go.jp/en/workspace/plan3/2025/review#thread-${id}`);
  });

  it("a failed send keeps the post and the mail, and a later delivery sends it", async () => {
    down = true;
    const { id } = (await ask("Is the SMTP server up?")) as { id: number };
    expect(await review.deliverMail()).toBe(0);
    const pending = await db.mailOutbox.findFirstOrThrow({ where: { sentAt: null }, orderBy: { id: "desc" } });
    expect(pending).toMatchObject({ attempts: 1 });
    expect(pending.lastError).toBeTruthy();
    expect((await data.loadThreads("plan3", 2025)).find((t) => t.id === id)!.posts[0].body).toBe("Is the SMTP server up?");
    down = false;
    // not due yet; due after its delay
    expect(await review.deliverMail()).toBe(0);
    expect(await review.deliverMail(() => new Date(Date.now() + 5 * 60_000))).toBe(1);
    expect((await waitForMail(1))[0].text).toContain("Is the SMTP server up?");
    expect(await db.mailOutbox.count({ where: { sentAt: null } })).toBe(0);
  });

  it("two servers delivering at once send each mail once; a mail claimed by a server that died is sent once its lease is over", async () => {
    // a second app server on the same database: a client of its own
    const other = createPrismaClient(url);
    try {
      // queued straight into the outbox: a post would also start this process's own delivery
      const queue = (text: string) => db.mailOutbox.create({ data: { userId: viewers.secretariat.id, to: "secretariat@example.jp", subject: "Notice", text } });
      for (let i = 1; i <= 6; i++) await queue(`Question ${i} for two servers`);
      const queued = 6;
      const [a, b] = await Promise.all([review.deliverMail(undefined, db), review.deliverMail(undefined, other)]);
      expect(a + b).toBe(queued);
      const mails = await waitForMail(queued);
      await new Promise((r) => setTimeout(r, 200)); // a duplicate would arrive by now
      expect(received.map((m) => m.text.match(/Question \d/)![0]).sort()).toEqual(["1", "2", "3", "4", "5", "6"].map((n) => `Question ${n}`));
      expect(mails).toHaveLength(queued);
      expect(await db.mailOutbox.count({ where: { sentAt: null } })).toBe(0);

      // a server claims a mail, then dies before sending it: the others leave it alone until the lease is over
      received.length = 0;
      const mail = await queue("Sent after a crash?");
      const claimedAt = new Date();
      expect(await review.claimMail(mail, claimedAt, other)).toBe(true);
      expect(await review.claimMail(mail, claimedAt, db)).toBe(false); // what both read: only the first claim holds
      expect(await review.deliverMail(() => new Date(claimedAt.getTime() + review.MAIL_LEASE_MS - 1_000), db)).toBe(0);
      expect(await review.deliverMail(() => new Date(claimedAt.getTime() + review.MAIL_LEASE_MS), db)).toBe(1);
      expect((await waitForMail(1)).map((m) => m.text.includes("Sent after a crash?"))).toEqual([true]);
      expect(await db.mailOutbox.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ attempts: 1, lastError: null });
    } finally {
      await other.$disconnect();
    }
  });
});
