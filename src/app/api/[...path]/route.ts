import { route } from "@/features/auth/server";

export const dynamic = "force-dynamic";

/** Any /api address that names no API: a JSON 404 in the caller's language, like every other API error (not the site's HTML page). */
const noSuchApi = route({ access: "anyone", namespace: "Api" }, async ({ fail }) => fail(404, "notFound", undefined, "noSuchApi"));

export { noSuchApi as GET, noSuchApi as POST, noSuchApi as PUT, noSuchApi as PATCH, noSuchApi as DELETE };
