import { describe, expect, it } from "vitest";
import { localiseNumbers } from "./number-locale.ts";

describe("numbers inside free text, in the edition's language", () => {
  it("groups thousands with commas in English, whatever blank the French writer typed", () => {
    expect(localiseNumbers("34 500 000 FCFA mobilisés", "en")).toBe("34,500,000 FCFA mobilisés");
    expect(localiseNumbers("soit 1\u00a0250 et 3\u202f000", "en")).toBe("soit 1,250 et 3,000");
    expect(localiseNumbers("1 234,5 doses", "en")).toBe("1,234.5 doses");
  });

  it("reads a French decimal comma as a point and sets a percentage against its number", () => {
    expect(localiseNumbers("a prevalence of 12,5 % in 2022", "en")).toBe(
      "a prevalence of 12.5% in 2022",
    );
    expect(localiseNumbers("17 % to 40 %", "en")).toBe("17% to 40%");
  });

  it("leaves years, codes, lists and English numbers alone in English", () => {
    const text =
      "In 2022, 619 providers (indicator 2.2) reached 33,000,000 FCFA; steps 1, 2 and 3.";
    expect(localiseNumbers(text, "en")).toBe(text);
    expect(localiseNumbers("PRODESS IV 2019-2023, CS4FP", "en")).toBe(
      "PRODESS IV 2019-2023, CS4FP",
    );
  });

  it("writes English thousands with no-break spaces in French when they cannot be a decimal", () => {
    expect(localiseNumbers("34,500,000 FCFA", "fr")).toBe("34\u00a0500\u00a0000 FCFA");
    expect(localiseNumbers("1,234.5 doses", "fr")).toBe("1\u00a0234,5 doses");
    // A lone "1,500" may be one and a half: French text keeps it.
    expect(localiseNumbers("1,500 litre", "fr")).toBe("1,500 litre");
  });

  it("keeps French numbers and indicator numbers as they are in French", () => {
    const text = "En 2022, 34 500 000 FCFA ; indicateur 2.2 ; 12,5 %";
    expect(localiseNumbers(text, "fr")).toBe(text);
  });
});
