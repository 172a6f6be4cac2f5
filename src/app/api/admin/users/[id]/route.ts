import { adminRequest, invalidResponse, jsonBody } from "@/features/auth/server";
import { changeUser } from "@/features/auth/mutations";
import { startSession } from "@/features/auth/server";
import { PASSWORD_MIN, userChangeSchema } from "@/features/auth/schema";
import { jsonError, withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/**
 * PATCH /api/admin/users/{id} {name?, role?, password?, disabled?}: change a user (admin).
 * An admin cannot disable their own account or give up their own admin role.
 */
export async function PATCH(request: Request, ctx: RouteContext<"/api/admin/users/[id]">) {
  return withErrorHandling(request, async () => {
    const req = await adminRequest(request, { write: true });
    if (req.error) return req.error;
    const { t, viewer } = req.ok;
    const id = (await ctx.params).id;
    if (!/^\d{1,9}$/.test(id)) return jsonError(404, "userNotFound", t("AdminUsers.userNotFound"));
    const input = userChangeSchema.safeParse(await jsonBody(request));
    if (!input.success) return invalidResponse(input.error, t, "AdminUsers", { min: PASSWORD_MIN });
    const result = await changeUser(Number(id), input.data, viewer);
    switch (result.kind) {
      case "notFound":
        return jsonError(404, "userNotFound", t("AdminUsers.userNotFound"));
      case "forbidden":
        return jsonError(403, "forbidden", t("Admin.forbidden"));
      case "selfDisable":
      case "selfDemote": {
        const message = t(`AdminUsers.${result.kind}`);
        const field = result.kind === "selfDisable" ? "disabled" : "role";
        return Response.json({ error: { code: result.kind, message }, errors: [{ field, code: result.kind, message }] }, { status: 409 });
      }
      case "saved": {
        // An admin who sets their own password stays signed in (other sessions end).
        if (result.user.id === viewer.id && result.changed.includes("password")) {
          await startSession(viewer.id);
        }
        return Response.json({ user: result.user, changed: result.changed, message: t("AdminUsers.saved") });
      }
    }
  });
}
