import { describe, expect, it } from "vitest";
import { moveItem, structureOpen, structureState } from "./structure";

describe("a plan's structure", () => {
  it("is open while no round is final", () => {
    expect(structureState({ finalRounds: 0, structureUnlockedAt: null })).toBe("open");
    expect(structureOpen({ finalRounds: 0, structureUnlockedAt: null })).toBe(true);
    // an unlock left over from before does not matter
    expect(structureOpen({ finalRounds: 0, structureUnlockedAt: new Date() })).toBe(true);
  });

  it("is locked once a round is final", () => {
    expect(structureState({ finalRounds: 1, structureUnlockedAt: null })).toBe("locked");
    expect(structureOpen({ finalRounds: 5, structureUnlockedAt: null })).toBe(false);
  });

  it("opens again while an admin has unlocked it", () => {
    expect(structureState({ finalRounds: 3, structureUnlockedAt: new Date("2026-04-01T00:00:00Z") })).toBe("unlocked");
    expect(structureOpen({ finalRounds: 3, structureUnlockedAt: "2026-04-01T00:00:00.000Z" })).toBe(true);
  });
});

describe("moveItem", () => {
  it("moves one item and keeps the others in order", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(["a", "b", "c", "d"], 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(moveItem(["a", "b", "c"], 1, 1)).toEqual(["a", "b", "c"]);
  });

  it("clamps the place and ignores an item that is not there", () => {
    expect(moveItem(["a", "b", "c"], 0, 99)).toEqual(["b", "c", "a"]);
    expect(moveItem(["a", "b", "c"], 2, -4)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
});
