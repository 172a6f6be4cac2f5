import { draftMode } from "next/headers";
import { createTranslator } from "next-intl";
import { RateLimiter } from "@/features/auth/model";
import { signInSchema } from "@/features/auth/schema";
import { startSession } from "@/features/auth/server";
import { verifyPassword } from "@/features/auth/mutations";
import { loadMessages } from "@/i18n/messages";
import { jsonError, requestLocale, sameOrigin, withErrorHandling } from "@/lib/api";
import { requestClient } from "@/lib/client-address";
import { userByEmail } from "@/features/auth/data";

export const dynamic = "force-dynamic";

// 5 attempts per e-mail address and 20 per client address, per 15 minutes.
const perEmail = new RateLimiter(5, 15 * 60_000);
const perClient = new RateLimiter(20, 15 * 60_000);
// Verifying against this keeps the time the same whether or not the address exists.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ODknSyvjzuf7qXFWafd7wtlXEuMyjdXNEEINIOgvMLc";

/** POST /api/auth/signin {email, password}: starts a session (httpOnly, SameSite=Lax cookie). */
export async function POST(request: Request) {
  return withErrorHandling(request, async () => {
    const locale = requestLocale(request);
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Auth" });
    if (!sameOrigin(request)) return jsonError(403, "forbidden", t("forbidden"));
    const body = await request.json().catch(() => null);
    const parsed = signInSchema.safeParse(body ?? {});
    if (!parsed.success) {
      const key = parsed.error.issues[0].message as "emailRequired";
      return jsonError(400, key, t(key));
    }
    const { email, password } = parsed.data;
    // The connection's address, or the client's as a proxy declared in TRUST_PROXY reports it.
    const client = requestClient(request);
    const wait = Math.max(perEmail.hit(email), perClient.hit(client));
    if (wait > 0) {
      return Response.json({ error: { code: "tooMany", message: t("tooMany", { seconds: wait }) } }, { status: 429, headers: { "Retry-After": String(wait) } });
    }
    const user = await userByEmail(email);
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    // A disabled account answers like a wrong password: the address says nothing of its state.
    if (!user || !ok || user.disabledAt !== null) return jsonError(401, "credentialsInvalid", t("credentialsInvalid"));
    perEmail.reset(email);
    await startSession(user.id);
    // Members see the dashboards with drafts, rendered per request instead of from the public cache.
    (await draftMode()).enable();
    return Response.json({ user: { name: user.name, role: user.role } });
  });
}
