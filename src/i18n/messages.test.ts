import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ja from "../../messages/ja.json";

function keys(o: object, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe("messages", () => {
  it("have the same keys in Japanese and English", () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort());
  });

  it("have no empty text", () => {
    const empty = (o: object): string[] => keys(o).filter((k) => k.split(".").reduce<unknown>((v, p) => (v as Record<string, unknown>)[p], o) === "");
    expect(empty(ja)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
