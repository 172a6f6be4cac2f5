/**
 * An admin's changes to users and projects, against a real SQLite file built by the real
 * migrations and seed: what is stored, and what the audit log says (never a password).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { newUserSchema } from "@/features/auth/schema";
import { projectEditSchema } from "@/features/plans/schema";
import { appDb } from "../support/app-db";

// The app's client singleton (src/lib/db.ts) opens this database: the modules that use it are imported once it is set.
const { db: prisma } = appDb("admin.db");
let changeUser: typeof import("@/features/auth/mutations").changeUser;
let createUser: typeof import("@/features/auth/mutations").createUser;
let verifyPassword: typeof import("@/features/auth/mutations").verifyPassword;
beforeAll(async () => {
  ({ changeUser, createUser, verifyPassword } = await import("@/features/auth/mutations"));
});

const admin = async () => {
  const u = await prisma.user.findUniqueOrThrow({ where: { email: "admin@example.jp" } });
  return { id: u.id, role: "admin" as const, name: u.name };
};
const projectEditSchemaFor = (input: unknown) => projectEditSchema.parse(input);
const auditOf = (entity: string, entityId: number) => prisma.auditLog.findMany({ where: { entity, entityId }, orderBy: { id: "asc" } });

describe("users", () => {
  it("are created with a hashed password, and the audit log has no password", async () => {
    const me = await admin();
    const created = await createUser(
      newUserSchema.parse({ email: "Ｃｌｅｒｋ＠example.jp", name: "事務局 二", role: "secretariat", password: "a long enough password" }),
      me,
      prisma,
    );
    expect(created.kind).toBe("created");
    if (created.kind !== "created") return;
    expect(created.user).toMatchObject({ email: "clerk@example.jp", role: "secretariat", disabledAt: null });
    expect(created.user).not.toHaveProperty("passwordHash");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: created.user.id } });
    expect(await verifyPassword(stored.passwordHash, "a long enough password")).toBe(true);
    const again = await createUser(
      newUserSchema.parse({ email: "clerk@example.jp", name: "x", role: "committee", password: "another long password" }),
      me,
      prisma,
    );
    expect(again.kind).toBe("emailTaken");

    expect((await changeUser(created.user.id, { password: "a new long password", role: "committee" }, me, prisma)).kind).toBe("saved");
    expect((await changeUser(created.user.id, { disabled: true }, me, prisma)).kind).toBe("saved");
    const log = await auditOf("User", created.user.id);
    expect(log.map((a) => [a.action, a.field, a.oldValue, a.newValue, a.userId])).toEqual([
      ["user.create", "email", null, "clerk@example.jp", me.id],
      ["user.create", "name", null, "事務局 二", me.id],
      ["user.create", "role", null, "secretariat", me.id],
      ["user.update", "role", "secretariat", "committee", me.id],
      ["user.password", "password", null, null, me.id],
      ["user.disable", "disabledAt", null, expect.stringMatching(/^\d{4}-\d\d-\d\dT/), me.id],
    ]);
    const hash = (await prisma.user.findUniqueOrThrow({ where: { id: created.user.id } })).passwordHash;
    const everything = JSON.stringify(await prisma.auditLog.findMany({ where: { entity: "User" } }));
    expect(everything).not.toContain(hash);
    expect(everything).not.toContain("a new long password");
  });

  it("keep at least one admin: an admin cannot disable or demote themselves", async () => {
    const me = await admin();
    expect((await changeUser(me.id, { disabled: true }, me, prisma)).kind).toBe("selfDisable");
    expect((await changeUser(me.id, { role: "committee" }, me, prisma)).kind).toBe("selfDemote");
    expect(await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({ role: "admin", disabledAt: null });
    expect((await changeUser(me.id, { name: "管理者（デモ）" }, me, prisma)).kind).toBe("saved");
  });

  it("cannot be changed by an admin who was demoted or disabled in the meantime", async () => {
    const me = await admin();
    const other = await createUser(
      newUserSchema.parse({ email: "admin2@example.jp", name: "管理者二", role: "admin", password: "a long enough password" }),
      me,
      prisma,
    );
    if (other.kind !== "created") throw new Error(other.kind);
    const second = { id: other.user.id, role: "admin" as const };
    // me demotes the second admin; the second admin's request, checked just before, comes next
    expect((await changeUser(second.id, { role: "secretariat" }, me, prisma)).kind).toBe("saved");
    expect((await changeUser(me.id, { role: "committee" }, second, prisma)).kind).toBe("forbidden");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: me.id } })).role).toBe("admin");
  });
});

describe("projects", () => {
  let editProject: typeof import("@/features/plans/mutations").editProject;
  beforeAll(async () => {
    ({ editProject } = await import("@/features/plans/mutations"));
  });
  const project = () => prisma.project.findFirstOrThrow({ where: { no: 2, plan: { code: "plan2" } }, include: { ministries: true, budgets: true } });

  it("change names, ministries and budgets in one go, each change in the audit log with the reason", async () => {
    const me = await admin();
    const before = await project();
    const edit = projectEditSchemaFor({
      nameEn: "Medical Devices and Healthcare",
      ministries: [
        { ministry: "MEXT", lead: true },
        { ministry: "METI", lead: false },
      ],
      budgets: [
        { fiscalYear: "２０２２", kind: "amed", okuYen: "１,２３４.５" },
        { fiscalYear: 2023, kind: "inhouse", okuYen: "12" },
        { fiscalYear: 2024, kind: "amed", okuYen: "" },
      ],
      reason: "令和5年度予算の反映",
    });
    expect(await editProject("plan2", 2, edit, me)).toEqual({ kind: "saved", changed: ["nameEn", "ministries", "budget_amed.2022", "budget_inhouse.2023"] });
    const after = await project();
    expect(after.nameJa).toBe(before.nameJa);
    expect(after.nameEn).toBe("Medical Devices and Healthcare");
    expect(after.ministries.map((m) => [m.ministry, m.lead]).sort()).toEqual([
      ["METI", false],
      ["MEXT", true],
    ]);
    expect(after.budgets.map((b) => [b.fiscalYear, b.kind, b.okuYen]).sort()).toEqual([
      [2022, "amed", 1234.5],
      [2023, "inhouse", 12],
    ]);
    const log = await auditOf("Project", after.id);
    expect(log.map((a) => [a.field, a.fiscalYear, a.oldValue, a.newValue, a.reason, a.planId])).toEqual([
      ["nameEn", null, before.nameEn, "Medical Devices and Healthcare", "令和5年度予算の反映", before.planId],
      ["ministries", null, "◎METI, MIC, MEXT, MHLW", "◎MEXT, METI", "令和5年度予算の反映", before.planId],
      ["budget_amed", 2022, "108", "1234.5", "令和5年度予算の反映", before.planId],
      ["budget_inhouse", 2023, null, "12", "令和5年度予算の反映", before.planId],
    ]);

    // the same again changes nothing and logs nothing; an empty cell removes a budget
    expect(await editProject("plan2", 2, edit, me)).toEqual({ kind: "saved", changed: [] });
    expect(await editProject("plan2", 2, projectEditSchemaFor({ budgets: [{ fiscalYear: 2023, kind: "inhouse", okuYen: "" }] }), me)).toEqual({
      kind: "saved",
      changed: ["budget_inhouse.2023"],
    });
    expect((await auditOf("Project", after.id)).at(-1)).toMatchObject({
      field: "budget_inhouse",
      fiscalYear: 2023,
      oldValue: "12",
      newValue: null,
      reason: null,
    });
  });

  it("refuse a budget outside the plan's years, and change nothing", async () => {
    const me = await admin();
    const before = await project();
    const result = await editProject("plan2", 2, projectEditSchemaFor({ nameJa: "変えない", budgets: [{ fiscalYear: 2019, kind: "amed", okuYen: 1 }] }), me);
    expect(result).toMatchObject({ kind: "invalid", errors: [{ field: "budgets.0.fiscalYear", code: "budgetYearOutside" }] });
    expect(await project()).toEqual(before);
    expect(await editProject("plan2", 9, projectEditSchemaFor({ nameJa: "x" }), me)).toEqual({ kind: "notFound" });
  });
});
