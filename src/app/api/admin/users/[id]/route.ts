import { z } from "zod";
import { changeUser } from "@/features/auth/mutations";
import { PASSWORD_MIN, userChangeSchema } from "@/features/auth/schema";
import { route, startSession } from "@/features/auth/server";

export const dynamic = "force-dynamic";

const params = z.object({
  id: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
});

/**
 * PATCH /api/admin/users/{id} {name?, role?, password?, disabled?}: change a user (admin).
 * An admin cannot disable their own account or give up their own admin role.
 */
export const PATCH = route(
  { access: "admin", namespace: "AdminUsers", params, notFound: "userNotFound", body: userChangeSchema, values: { min: PASSWORD_MIN } },
  async ({ params: { id }, body, viewer, t, fail }) => {
    const result = await changeUser(id, body, viewer);
    switch (result.kind) {
      case "notFound":
        return fail(404, "userNotFound");
      case "forbidden":
        return fail(403, "forbidden", undefined, "Admin.forbidden");
      case "selfDisable":
      case "selfDemote": {
        const message = t(result.kind);
        const field = result.kind === "selfDisable" ? "disabled" : "role";
        return Response.json({ error: { code: result.kind, message }, errors: [{ field, code: result.kind, message }] }, { status: 409 });
      }
      case "saved":
        // An admin who sets their own password stays signed in (other sessions end).
        if (result.user.id === viewer.id && result.changed.includes("password")) await startSession(viewer.id);
        return Response.json({ user: result.user, changed: result.changed, message: t("saved") });
    }
  },
);
