// Creates a user (or resets one), e.g. the first admin:
//   USER_PASSWORD='a long passphrase' npx tsx scripts/create-user.ts --email you@example.go.jp --name "Your Name" --role admin
// Without USER_PASSWORD a random password is made and printed once.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { upsertUser } from "../src/features/auth/mutations";
import { createPrismaClient } from "../src/lib/prisma-client";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } } });
const password = process.env.USER_PASSWORD ?? randomBytes(12).toString("base64url");
const prisma = createPrismaClient();
upsertUser(prisma, { email: values.email, name: values.name ?? values.email, role: values.role, password })
  .then((user) => console.log(`user ${user.email} (${user.role}) is ready${process.env.USER_PASSWORD ? "" : `; password: ${password}`}`))
  .catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
