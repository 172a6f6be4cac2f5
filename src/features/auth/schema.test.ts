import { describe, expect, it } from "vitest";
import en from "../../../messages/en.json";
import { newUserSchema, normalizeEmail, signInSchema, userChangeSchema } from "@/features/auth/schema";

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];

const user = { email: "new.clerk@example.go.jp", name: "新しい 事務局員", role: "secretariat", password: "twelve chars" };

describe("e-mail addresses", () => {
  it("are stored and compared as NFKC, trimmed and lower-case", () => {
    expect(normalizeEmail("　ＡＢＣ＠Ｅｘａｍｐｌｅ．ＪＰ ")).toBe("abc@example.jp");
    expect(newUserSchema.parse({ ...user, email: " Ｎｅｗ.Clerk＠example.go.jp" }).email).toBe("new.clerk@example.go.jp");
    // signing in reads the address the same way, so a user created from a full-width address can sign in
    expect(signInSchema.parse({ email: "ＮＥＷ.ＣＬＥＲＫ＠ＥＸＡＭＰＬＥ.ＧＯ.ＪＰ", password: "x" }).email).toBe("new.clerk@example.go.jp");
  });

  it("left empty (or only spaces) at sign-in are asked for, not called invalid", () => {
    for (const email of ["", "　 "]) expect(messages(signInSchema.safeParse({ email, password: "x" }))).toEqual(["email: emailRequired"]);
    expect(messages(signInSchema.safeParse({ email: "not an address", password: "x" }))).toEqual(["email: emailInvalid"]);
  });
});

describe("a new user", () => {
  it("is valid with a password of 12 characters", () => {
    expect(newUserSchema.safeParse(user).success).toBe(true);
  });

  it("names each invalid field with a message key", () => {
    expect(messages(newUserSchema.safeParse({ email: "not an address", name: "  ", role: "boss", password: "elevenchars" }))).toEqual([
      "email: emailInvalid",
      "name: nameRequired",
      "role: roleInvalid",
      "password: passwordTooShort",
    ]);
    expect(messages(newUserSchema.safeParse(null))).toEqual([": invalid"]);
  });

  it("has every message key in the AdminUsers messages", () => {
    const keys = new Set(Object.keys(en.AdminUsers));
    const bad = [
      newUserSchema.safeParse({ email: 1, name: "x".repeat(101), role: 1, password: "x".repeat(201) }),
      newUserSchema.safeParse({}),
      userChangeSchema.safeParse({}),
    ].flatMap((r) => r.error!.issues.map((i) => i.message));
    expect(bad.length).toBeGreaterThan(4);
    for (const key of bad) expect(keys.has(key) || key in en.Admin, key).toBe(true);
  });
});

describe("a change to a user", () => {
  it("needs something to change, and cannot change the e-mail address", () => {
    expect(messages(userChangeSchema.safeParse({}))).toEqual([": nothingToChange"]);
    expect(userChangeSchema.safeParse({ email: "other@example.jp" }).success).toBe(false);
    expect(userChangeSchema.parse({ name: " 名前 ", disabled: true })).toEqual({ name: "名前", disabled: true });
  });
});
