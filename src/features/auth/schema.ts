import { z } from "zod";
import { ROLES } from "@/features/auth/ability";

/** The shortest password an account may have. */
export const PASSWORD_MIN = 12;

/**
 * An e-mail address as stored and compared: NFKC (full-width "ＡＢＣ＠ｅｘａｍｐｌｅ．ｊｐ" →
 * "ABC@example.jp", ideographic spaces → spaces), trimmed, lower-case.
 */
export function normalizeEmail(input: string): string {
  return input.normalize("NFKC").trim().toLowerCase();
}

/** Sign-in: error messages are keys of the Auth messages. */
export const signInSchema = z.object({
  email: z
    .string({ error: "emailRequired" })
    .transform(normalizeEmail)
    .pipe(
      z
        .string()
        .min(1, { error: "emailRequired" })
        .pipe(z.email({ error: "emailInvalid" }).max(254, { error: "emailInvalid" })),
    ),
  password: z.string({ error: "passwordRequired" }).min(1, { error: "passwordRequired" }).max(200, { error: "credentialsInvalid" }),
});

// A user's fields; error messages are keys of the AdminUsers messages.
const email = z
  .string({ error: "emailInvalid" })
  .transform(normalizeEmail)
  .pipe(z.email({ error: "emailInvalid" }).max(254, { error: "emailInvalid" }));
const name = z.string({ error: "nameRequired" }).trim().min(1, { error: "nameRequired" }).max(100, { error: "nameTooLong" });
const role = z.enum(ROLES, { error: "roleInvalid" });
const password = z.string({ error: "passwordTooShort" }).min(PASSWORD_MIN, { error: "passwordTooShort" }).max(200, { error: "passwordTooLong" });

/** A new user (the admin page, the CLI and the demo seed). */
export const newUserSchema = z.object({ email, name, role, password }, { error: "invalid" });

/** A change to a user by an admin: any of name, role, a new password, disabled or not. */
export const userChangeSchema = z
  .object(
    {
      name: name.optional(),
      role: role.optional(),
      password: password.optional(),
      disabled: z.boolean({ error: "invalid" }).optional(),
    },
    { error: "invalid" },
  )
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { error: "nothingToChange" });

export type NewUser = z.infer<typeof newUserSchema>;
export type UserChange = z.infer<typeof userChangeSchema>;
