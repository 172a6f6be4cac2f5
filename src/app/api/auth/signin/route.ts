import { draftMode } from "next/headers";
import { z } from "zod";
import { userByEmail } from "@/features/auth/data";
import { countSignInAttempt, forgetSignInAttempts, rememberLocale, verifyPassword } from "@/features/auth/mutations";
import { signInSchema } from "@/features/auth/schema";
import { route, startSession } from "@/features/auth/server";
import { requestClient } from "@/lib/client-address";

export const dynamic = "force-dynamic";

// Verifying against this keeps the time the same whether or not the address exists.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ODknSyvjzuf7qXFWafd7wtlXEuMyjdXNEEINIOgvMLc";

/** POST /api/auth/signin {email, password}: starts a session (httpOnly, SameSite=Lax cookie). */
export const POST = route(
  { access: "anyone", namespace: "Auth", body: z.preprocess((v) => v ?? {}, signInSchema), invalidBody: "first" },
  async ({ request, locale, body: { email, password }, fail, t }) => {
    // 5 attempts per e-mail address and 20 per client address in 15 minutes, counted in the
    // database so that every server counts the same (SIGN_IN_LIMITS). The client is the
    // connection's address, or the client's as a proxy declared in TRUST_PROXY reports it.
    const wait = await countSignInAttempt({ client: requestClient(request), email });
    if (wait > 0) {
      return Response.json({ error: { code: "tooMany", message: t("tooMany", { seconds: wait }) } }, { status: 429, headers: { "Retry-After": String(wait) } });
    }
    const user = await userByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    // A disabled account answers like a wrong password: the address says nothing of its state.
    if (!user || !ok || user.disabledAt !== null) return fail(401, "credentialsInvalid");
    await forgetSignInAttempts(email);
    await startSession(user.id);
    await rememberLocale(user.id, locale);
    // Members see the dashboards with drafts, rendered per request instead of from the public cache.
    (await draftMode()).enable();
    return Response.json({ user: { name: user.name, role: user.role } });
  },
);
