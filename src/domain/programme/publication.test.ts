import { describe, expect, it } from "vitest";
import { freeSlug, programmeSlug, SLUG_MAX } from "./publication.ts";

describe("a programme's public slug", () => {
  it("drops accents and joins words", () => {
    expect(programmeSlug("Déploiement des sages-femmes en milieu communautaire")).toBe(
      "deploiement-des-sages-femmes-en-milieu-communautaire",
    );
    expect(programmeSlug("  ¡¿ ")).toBe("programme");
  });
  it("stays within its length and takes the next free one", () => {
    const long = programmeSlug("a ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(long.endsWith("-")).toBe(false);
    expect(freeSlug("sf", new Set())).toBe("sf");
    expect(freeSlug("sf", new Set(["sf", "sf-2"]))).toBe("sf-3");
    expect(freeSlug("b".repeat(64), new Set(["b".repeat(64)])).length).toBe(64);
  });
});
