import { createPrismaClient, type PrismaClient } from "./prisma-client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per server process (and per hot reload in development). Kept off the browser by the lint rules of ARCHITECTURE.md, not by "server-only", so that the seed and the CLI can load the writes. */
export const prisma = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;
