// Reading Accept-Language: weights first, then the order written; unknown languages skipped.
import { describe, expect, it } from "vitest";
import { preferredLang } from "./lang.ts";

describe("preferredLang", () => {
  it("takes the heaviest language Jalon speaks", () => {
    expect(preferredLang("en-GB,en;q=0.9,fr;q=0.8")).toBe("en");
    expect(preferredLang("en;q=0.5, fr-ML;q=0.9")).toBe("fr");
    expect(preferredLang("bm, fr;q=0.7, en;q=0.7")).toBe("fr");
  });
  it("gives null for none, an empty header or a refused language", () => {
    expect(preferredLang(undefined)).toBeNull();
    expect(preferredLang("")).toBeNull();
    expect(preferredLang("de, es;q=0.5")).toBeNull();
    expect(preferredLang("en;q=0, de")).toBeNull();
  });
});
