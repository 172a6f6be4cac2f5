import { listUsers } from "@/features/auth/data";
import { adminRequest, invalidResponse, jsonBody } from "@/features/auth/server";
import { createUser } from "@/features/auth/mutations";
import { newUserSchema, PASSWORD_MIN } from "@/features/auth/schema";
import { withErrorHandling } from "@/lib/api";

export const dynamic = "force-dynamic";

/** GET /api/admin/users: every user (admin). */
export async function GET(request: Request) {
  return withErrorHandling(request, async () => {
    const req = await adminRequest(request, { write: false });
    if (req.error) return req.error;
    return Response.json({ users: await listUsers() }, { headers: { "Cache-Control": "no-store" } });
  });
}

/** POST /api/admin/users {email, name, role, password}: a new user (admin). */
export async function POST(request: Request) {
  return withErrorHandling(request, async () => {
    const req = await adminRequest(request, { write: true });
    if (req.error) return req.error;
    const { t, viewer } = req.ok;
    const input = newUserSchema.safeParse(await jsonBody(request));
    if (!input.success) return invalidResponse(input.error, t, "AdminUsers", { min: PASSWORD_MIN });
    const result = await createUser(input.data, viewer);
    if (result.kind === "emailTaken") {
      const message = t("AdminUsers.emailTaken");
      return Response.json({ error: { code: "emailTaken", message }, errors: [{ field: "email", code: "emailTaken", message }] }, { status: 409 });
    }
    return Response.json({ user: result.user, message: t("AdminUsers.createdMessage", { email: result.user.email }) }, { status: 201 });
  });
}
