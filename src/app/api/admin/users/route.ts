import { listUsers } from "@/features/auth/data";
import { createUser } from "@/features/auth/mutations";
import { newUserSchema, PASSWORD_MIN } from "@/features/auth/schema";
import { route } from "@/features/auth/server";

export const dynamic = "force-dynamic";

/** GET /api/admin/users: every user (admin). */
export const GET = route({ access: "admin", namespace: "AdminUsers" }, async () =>
  Response.json({ users: await listUsers() }, { headers: { "Cache-Control": "no-store" } }),
);

/** POST /api/admin/users {email, name, role, password}: a new user (admin). */
export const POST = route({ access: "admin", namespace: "AdminUsers", body: newUserSchema, values: { min: PASSWORD_MIN } }, async ({ body, viewer, t }) => {
  const result = await createUser(body, viewer);
  if (result.kind === "emailTaken") {
    const message = t("emailTaken");
    return Response.json({ error: { code: "emailTaken", message }, errors: [{ field: "email", code: "emailTaken", message }] }, { status: 409 });
  }
  return Response.json({ user: result.user, message: t("createdMessage", { email: result.user.email }) }, { status: 201 });
});
