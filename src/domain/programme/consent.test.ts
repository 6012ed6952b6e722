// The consent rule as a table: each use against each kind of consent, withdrawn or not, adult or
// minor, named or not; and the checks of a testimonial and of a consent, field by field.
import { describe, expect, it } from "vitest";
import {
  CONSENT_USES,
  type Consent,
  type ConsentUse,
  consentProblems,
  currentConsent,
  type Disclosure,
  disclosure,
  photoAllowed,
  testimonialProblems,
  withdrawalProblems,
} from "./consent.ts";

const base: Consent = {
  consenterName: "Awa Traoré",
  guardianName: null,
  date: "2024-03-02",
  uses: ["internal", "report", "public_web"],
  method: "written",
  witnessName: null,
  minor: false,
  faceVisible: true,
  named: true,
  withdrawnAt: null,
};
const c = (over: Partial<Consent>): Consent => ({ ...base, ...over });

type Row = [string, Consent | null, Record<ConsentUse, Disclosure>];
const N = "nothing";
const A = "anonymised";
const I = "identified";
const TABLE: Row[] = [
  ["no consent", null, { internal: N, report: N, public_web: N, social_media: N }],
  ["written, named", base, { internal: I, report: I, public_web: I, social_media: N }],
  [
    "written, not named",
    c({ named: false }),
    { internal: A, report: A, public_web: A, social_media: N },
  ],
  [
    "withdrawn",
    c({ withdrawnAt: "2024-05-01T10:00:00Z" }),
    { internal: I, report: N, public_web: N, social_media: N },
  ],
  [
    "withdrawn, internal not consented",
    c({ withdrawnAt: new Date(), uses: ["public_web"] }),
    { internal: N, report: N, public_web: N, social_media: N },
  ],
  [
    "oral with a witness",
    c({ method: "oral_with_witness", witnessName: "Fanta Coulibaly", uses: [...CONSENT_USES] }),
    { internal: I, report: I, public_web: I, social_media: I },
  ],
  [
    "oral without a witness counts as none",
    c({ method: "oral_with_witness", witnessName: null }),
    { internal: N, report: N, public_web: N, social_media: N },
  ],
  [
    "minor, guardian's consent, face visible",
    c({ minor: true, method: "guardian", guardianName: "Moussa Diarra" }),
    { internal: I, report: I, public_web: I, social_media: N },
  ],
  [
    "minor, her own written consent, face visible: words only",
    c({ minor: true, guardianName: "Moussa Diarra" }),
    { internal: A, report: A, public_web: A, social_media: N },
  ],
  [
    "minor, face hidden, no guardian's consent: words only",
    c({ minor: true, faceVisible: false, guardianName: "Moussa Diarra" }),
    { internal: A, report: A, public_web: A, social_media: N },
  ],
  [
    "minor without a guardian counts as none",
    c({ minor: true, method: "guardian", guardianName: null }),
    { internal: N, report: N, public_web: N, social_media: N },
  ],
  [
    "no date counts as none",
    c({ date: "" }),
    { internal: N, report: N, public_web: N, social_media: N },
  ],
  [
    "social media only",
    c({ uses: ["social_media"] }),
    { internal: N, report: N, public_web: N, social_media: I },
  ],
];

describe("disclosure", () => {
  for (const [name, consent, expected] of TABLE)
    for (const use of CONSENT_USES)
      it(`${name} → ${use}: ${expected[use]}`, () => {
        expect(disclosure(consent, use)).toBe(expected[use]);
        expect(photoAllowed(consent, use)).toBe(
          expected[use] === I && consent?.withdrawnAt === null,
        );
      });

  it("covers every use in every row", () => {
    for (const [, , expected] of TABLE)
      expect(Object.keys(expected).sort()).toEqual([...CONSENT_USES].sort());
  });
});

const today = "2024-06-30";
const fields = {
  speakerRole: "mother",
  speakerName: "Awa Traoré",
  quote: "Je n'ai plus peur d'accoucher au centre.",
  summary: "",
  placeUnitId: null,
  placeText: "Boidié",
  date: "2024-03-02",
  language: "Bambara",
  videoUrl: "",
};

describe("testimonialProblems", () => {
  it("accepts a complete testimonial", () => {
    expect(testimonialProblems(fields, today)).toEqual({});
  });
  it.each([
    [{ speakerRole: "chief" }, { speakerRole: "invalid" }],
    [{ speakerName: " " }, { speakerName: "required" }],
    [{ quote: "" }, { quote: "required" }],
    [{ quote: "x".repeat(2001) }, { quote: "too_long" }],
    [{ placeText: "" }, { place: "required" }],
    [{ placeText: "", placeUnitId: 4 }, {}],
    [{ date: "2024-07-01" }, { date: "invalid" }],
    [{ date: "2024-02-30" }, { date: "invalid" }],
    [{ videoUrl: "javascript:alert(1)" }, { videoUrl: "invalid" }],
    [{ videoUrl: "ftp://example.org/v" }, { videoUrl: "invalid" }],
    [{ videoUrl: "https://example.org/v" }, {}],
  ])("%j → %j", (over, expected) => {
    expect(testimonialProblems({ ...fields, ...over }, today)).toEqual(expected);
  });
});

const consent = {
  consenterName: "Awa Traoré",
  guardianName: "",
  date: "2024-03-02",
  uses: ["internal", "public_web"],
  method: "written",
  witnessName: "",
  minor: false,
};

describe("consentProblems", () => {
  it("accepts a written consent", () => {
    expect(consentProblems(consent, today)).toEqual({});
  });
  it.each([
    [{ date: "" }, { "consent.date": "required" }],
    [{ method: "" }, { "consent.method": "required" }],
    [{ method: "nod" }, { "consent.method": "invalid" }],
    [{ uses: [] }, { "consent.uses": "required" }],
    [{ uses: ["billboard"] }, { "consent.uses": "invalid" }],
    [{ method: "oral_with_witness" }, { "consent.witnessName": "required" }],
    [{ method: "oral_with_witness", witnessName: "Fanta" }, {}],
    [{ minor: true }, { "consent.guardianName": "required" }],
    [{ method: "guardian" }, { "consent.guardianName": "required" }],
    [
      { date: "", method: "" },
      { "consent.date": "required", "consent.method": "required" },
    ],
  ])("%j → %j", (over, expected) => {
    expect(consentProblems({ ...consent, ...over }, today)).toEqual(expected);
  });
});

describe("currentConsent", () => {
  const r = (id: number, date: string, withdrawnOn: string | null = null) => ({
    id,
    date,
    withdrawnOn,
  });
  it("is none without a record", () => {
    expect(currentConsent([])).toBeNull();
  });
  it("takes the latest day, then the latest recorded", () => {
    expect(currentConsent([r(3, "2024-01-01"), r(1, "2024-02-01"), r(2, "2024-02-01")])).toEqual(
      r(2, "2024-02-01"),
    );
  });
  it("keeps a withdrawal over a later consent", () => {
    expect(currentConsent([r(1, "2024-01-01", "2024-03-01"), r(2, "2024-04-01")])).toEqual(
      r(2, "2024-04-01", "2024-03-01"),
    );
  });
});

describe("withdrawalProblems", () => {
  it.each([
    ["2024-05-01", {}],
    ["", { withdrawnOn: "required" }],
    ["2024-07-01", { withdrawnOn: "invalid" }],
    ["2024-02-31", { withdrawnOn: "invalid" }],
    ["2024-03-01", { withdrawnOn: "before_start" }],
  ])("%s → %j", (day, expected) => {
    expect(withdrawalProblems(day, "2024-03-02", today)).toEqual(expected);
  });
});
