import { describe, expect, it } from "vitest";
import {
  accessTokenIssues,
  formatAccessToken,
  parseAccessToken,
  tokenCredentials,
} from "./access-token.ts";

const selector = "0123456789abcdef";
const secret = `${"A".repeat(42)}_`;
const token = formatAccessToken(selector, secret);

describe("access tokens", () => {
  it("reads back the selector and secret of a token it wrote", () => {
    expect(token.startsWith("jalon_pat_")).toBe(true);
    expect(parseAccessToken(token)).toEqual({ selector, secret });
  });

  it("refuses what is not a token of ours", () => {
    expect(parseAccessToken("d2pat_abc")).toBeNull();
    expect(parseAccessToken(`${token}x`)).toBeNull();
    expect(parseAccessToken(token.toUpperCase())).toBeNull();
    expect(parseAccessToken("")).toBeNull();
  });

  it("takes ApiToken and our Bearer tokens, leaves Basic, others' Bearer and absence alone", () => {
    expect(tokenCredentials(`ApiToken ${token}`)).toEqual({ scheme: "ApiToken", selector, secret });
    expect(tokenCredentials(`apitoken  ${token}`)).toEqual({
      scheme: "ApiToken",
      selector,
      secret,
    });
    expect(tokenCredentials(`Bearer ${token}`)).toEqual({ scheme: "Bearer", selector, secret });
    // A Bearer value of another shape is someone else's: left alone.
    expect(tokenCredentials("Bearer eyJhbGciOi.x.y")).toBeNull();
    expect(tokenCredentials("Bearer jalon_pat_short")).toBe("malformed");
    expect(tokenCredentials("Basic dTpw")).toBeNull();
    expect(tokenCredentials(undefined)).toBeNull();
    expect(tokenCredentials("ApiToken")).toBe("malformed");
    expect(tokenCredentials("ApiToken d2pat_12345")).toBe("malformed");
    expect(tokenCredentials("ApiTokens x")).toBeNull();
  });

  it("needs a name and one of the offered lifetimes", () => {
    expect(accessTokenIssues({ name: " Power BI ", days: 90 })).toEqual({});
    expect(accessTokenIssues({ name: "  ", days: 400 })).toEqual({
      name: "required",
      days: "invalid",
    });
    expect(accessTokenIssues({ name: "x".repeat(101), days: 365 })).toEqual({ name: "too_long" });
  });
});
