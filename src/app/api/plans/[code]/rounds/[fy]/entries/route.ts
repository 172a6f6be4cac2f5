import { route } from "@/features/auth/server";
import { saveRound } from "@/features/follow-up/mutations";
import { gridSaveSchema, roundParamsSchema } from "@/features/follow-up/schema";
import { saveResponse } from "@/features/follow-up/server";

export const dynamic = "force-dynamic";

/** POST /api/plans/{code}/rounds/{fy}/entries: saves the round's grid, all or nothing (secretariat, admin). */
export const POST = route({ access: "editor", namespace: "Entry", params: roundParamsSchema, body: gridSaveSchema }, async (gate) =>
  saveResponse(await saveRound(gate.params.code, gate.params.fy, gate.body, gate.viewer), gate, gate.params.fy),
);
