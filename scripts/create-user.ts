// Creates a user (or resets one and enables it again), e.g. the first admin:
//   USER_PASSWORD='a long passphrase' npx tsx scripts/create-user.ts --email you@example.go.jp --name "Your Name" --role admin
// Without USER_PASSWORD a random password is made and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import messages from "../messages/en.json";
import { upsertUser } from "../src/features/auth/mutations";
import { PASSWORD_MIN } from "../src/features/auth/schema";
import { createPrismaClient } from "../src/lib/prisma-client";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } } });
const password = process.env.USER_PASSWORD ?? randomBytes(12).toString("base64url");
const prisma = createPrismaClient();

/** A validation error in words: the schema's messages are keys of the AdminUsers messages. */
function describe(error: Error): string {
  if (!(error instanceof ZodError)) return error.message;
  const text = messages.AdminUsers as Record<string, string>;
  return error.issues.map((i) => `--${i.path.join(".")}: ${(text[i.message] ?? i.message).replace("{min}", String(PASSWORD_MIN))}`).join("\n");
}

upsertUser(prisma, { email: values.email, name: values.name ?? values.email, role: values.role, password })
  .then((user) => console.log(`user ${user.email} (${user.role}) is ready${process.env.USER_PASSWORD ? "" : `; password: ${password}`}`))
  .catch((error: Error) => {
    console.error(describe(error));
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
