/**
 * Every API route, called by every role: who may, who is refused (401 for the anonymous, 403
 * for a role that may not), and every write refused from another site. The calls that get
 * through carry input that changes nothing (a year outside the plan, no file, an empty body).
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import { apiAs, DEMO } from "../support/e2e";

type Role = "anonymous" | "committee" | "secretariat" | "admin";
type Access = "anyone" | "member" | "editor" | "admin";
const MAY: Record<Access, Role[]> = {
  anyone: ["anonymous", "committee", "secretariat", "admin"],
  member: ["committee", "secretariat", "admin"],
  editor: ["secretariat", "admin"],
  admin: ["admin"],
};
const ROUTES: { method: "get" | "post" | "patch"; path: string; access: Access; data?: unknown }[] = [
  { method: "get", path: "/api/plans", access: "anyone" },
  { method: "get", path: "/api/auth/me", access: "anyone" },
  { method: "get", path: "/api/plans/plan2/follow-up?fy=2022", access: "anyone" },
  { method: "get", path: "/api/plans/plan2/audit", access: "member" },
  { method: "get", path: "/api/plans/plan2/rounds/2022/template", access: "editor" },
  { method: "post", path: "/api/plans/plan2/rounds/2099/entries", access: "editor", data: { rows: [] } },
  { method: "post", path: "/api/plans/plan2/rounds/2099/import", access: "editor", data: {} },
  { method: "post", path: "/api/plans/plan2/rounds/2099/status", access: "editor", data: {} },
  { method: "get", path: "/api/admin/users", access: "admin" },
  { method: "post", path: "/api/admin/users", access: "admin", data: {} },
  { method: "patch", path: "/api/admin/users/999999", access: "admin", data: { name: "x" } },
  { method: "post", path: "/api/admin/plans", access: "admin", data: {} },
  { method: "post", path: "/api/admin/plans/plan2/kpis/no-such-kpi", access: "admin", data: { target: "1", reason: "x" } },
  { method: "patch", path: "/api/admin/plans/plan2/projects/99", access: "admin", data: { nameJa: "x" } },
];

test("every route lets in the roles it names and refuses the others, and refuses writes from another site", async ({ playwright, baseURL }) => {
  const as: Record<Role, APIRequestContext> = {
    anonymous: await apiAs(playwright, baseURL!, null, "10.8.0.1"),
    committee: await apiAs(playwright, baseURL!, DEMO.committee, "10.8.0.2"),
    secretariat: await apiAs(playwright, baseURL!, DEMO.secretariat, "10.8.0.3"),
    admin: await apiAs(playwright, baseURL!, DEMO.admin, "10.8.0.4"),
  };
  for (const { method, path, access, data } of ROUTES) {
    for (const role of Object.keys(as) as Role[]) {
      const status = (await as[role][method](path, data === undefined ? {} : { data })).status();
      const expected = MAY[access].includes(role) ? "in" : role === "anonymous" ? 401 : 403;
      if (expected === "in") expect([401, 403], `${role} ${method} ${path}`).not.toContain(status);
      else expect(status, `${role} ${method} ${path}`).toBe(expected);
    }
    if (method !== "get") {
      const cross = await as.admin[method](path, { data: data ?? {}, headers: { Origin: "https://evil.example" } });
      expect(cross.status(), `cross-site ${method} ${path}`).toBe(403);
    }
  }
  await Promise.all(Object.values(as).map((c) => c.dispose()));
});
