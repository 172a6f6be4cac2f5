import { z } from "zod";
import { ROLES } from "./ability";

/** Sign-in: error messages are keys of the Auth messages. */
export const signInSchema = z.object({
  email: z.string({ error: "emailRequired" }).trim().toLowerCase().pipe(z.email({ error: "emailInvalid" }).max(254, { error: "emailInvalid" })),
  password: z.string({ error: "passwordRequired" }).min(1, { error: "passwordRequired" }).max(200, { error: "credentialsInvalid" }),
});

export const newUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  password: z.string().min(12, { error: "The password must have at least 12 characters" }).max(200),
});
