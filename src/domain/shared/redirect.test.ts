import { describe, expect, it } from "vitest";
import { MAX_REDIRECT_LENGTH, redirectTarget, sameOriginPath } from "./redirect.ts";

describe("sameOriginPath", () => {
  const refused = [
    ["empty", ""],
    ["tab then network path", "/\t/evil.example"],
    ["tab inside", "/\t\t/evil.example/x"],
    ["carriage return and line feed", "/a\r\nSet-Cookie: x=1"],
    ["line feed alone", "/\n/evil.example"],
    ["NUL", "/a\u0000b"],
    ["DEL", "/a\u007f"],
    ["network path", "//evil.example"],
    ["network path with path", "//evil.example/login"],
    ["slash backslash", "/\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["backslashes", "\\\\evil.example"],
    ["inner backslash", "/a\\b"],
    ["absolute http", "http://evil.example/"],
    ["absolute https", "https://evil.example"],
    ["scheme-relative with spaces", " //evil.example"],
    ["javascript", "javascript:alert(1)"],
    ["javascript after slash-less path", "javascript://%0aalert(1)"],
    ["data", "data:text/html,<script>alert(1)</script>"],
    ["relative without slash", "manage"],
    ["dot relative", "./manage"],
    ["too long", `/${"a".repeat(MAX_REDIRECT_LENGTH)}`],
    ["leading space", " /manage"],
  ] as const;
  for (const [name, value] of refused) {
    it(`refuses ${name}`, () => {
      expect(sameOriginPath(value)).toBeNull();
      expect(redirectTarget(value, "/manage")).toBe("/manage");
    });
  }

  const kept = [
    ["a path", "/manage", "/manage"],
    ["a path with query and fragment", "/q/2023/psi?lang=en#i-3", "/q/2023/psi?lang=en#i-3"],
    // Encoded slashes and tabs stay encoded: the browser reads them as part of one path segment.
    ["encoded slashes", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["encoded tab", "/%09/evil.example", "/%09/evil.example"],
    ["encoded backslash", "/%5Cevil.example", "/%5Cevil.example"],
    ["dot segments resolved on this site", "/a/../../evil", "/evil"],
    ["a long path within the cap", `/${"a".repeat(MAX_REDIRECT_LENGTH - 1)}`, null],
    ["non-ASCII, percent-encoded", "/partenaires/é", "/partenaires/%C3%A9"],
    ["a query holding a URL", "/login?next=http://x", "/login?next=http://x"],
  ] as const;
  for (const [name, value, expected] of kept) {
    it(`keeps ${name}`, () => {
      expect(sameOriginPath(value)).toBe(expected ?? value);
    });
  }

  it("refuses what is not a string", () => {
    expect(sameOriginPath(undefined)).toBeNull();
    expect(sameOriginPath(null)).toBeNull();
    expect(redirectTarget(undefined)).toBe("/");
  });
});
