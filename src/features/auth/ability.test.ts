import { describe, expect, it } from "vitest";
import { userChangeRefusal } from "@/features/auth/ability";

describe("an admin's changes to their own account", () => {
  const admin = { id: 1, role: "admin" as const };
  it("may not disable it or give up the admin role", () => {
    expect(userChangeRefusal(admin, 1, { disabled: true })).toBe("selfDisable");
    expect(userChangeRefusal(admin, 1, { role: "secretariat" })).toBe("selfDemote");
    expect(userChangeRefusal(admin, 1, { role: "admin", disabled: false })).toBeNull();
  });

  it("are the only ones refused", () => {
    expect(userChangeRefusal(admin, 2, { disabled: true, role: "committee" })).toBeNull();
  });
});
