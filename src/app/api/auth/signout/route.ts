import { draftMode } from "next/headers";
import { stopSession } from "@/features/auth/server";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/i18n/messages";
import { jsonError, requestLocale, sameOrigin, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** POST /api/auth/signout: ends the session. */
export async function POST(request: Request) {
  return withErrorHandling(request, async () => {
    if (!sameOrigin(request)) {
      const locale = requestLocale(request);
      const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "Auth" });
      return jsonError(403, "forbidden", t("forbidden"));
    }
    await stopSession();
    (await draftMode()).disable();
    return Response.json({ ok: true });
  });
}
