// The explorer's chart as the page inlines it: names escaped (they come from imported metadata),
// no inline style left for the page's policy to refuse, a gap where a period has no value.
import { describe, expect, it } from "vitest";
import { renderExplorerChart, staticSvg } from "../../src/reports/health/explorer-chart.ts";

describe("explorer chart", () => {
  it("escapes names and carries its text styles as attributes", () => {
    const svg = renderExplorerChart({
      lang: "fr",
      kind: "bar",
      categories: ['<script>alert("x")</script>', "Bla & co"],
      series: [{ name: "", values: [12.5, 3] }],
      decimals: 1,
    });
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script");
    expect(svg).toContain("Bla &amp; co");
    expect(svg).not.toMatch(/ style=| class=|<style/);
    expect(svg).toMatch(/font-size="11px"/);
    expect(svg).toContain("12,5");
  });

  it("turns style declarations into presentation attributes", () => {
    expect(
      staticSvg('<text style="font-size:12px;font-family:a &quot;b&quot;;" class="x">1</text>'),
    ).toBe('<text font-size="12px" font-family="a &quot;b&quot;">1</text>');
  });

  it("leaves a gap in a line where a period has no value", () => {
    const svg = renderExplorerChart({
      lang: "en",
      kind: "line",
      categories: ["Jan 2022", "Feb 2022", "Mar 2022", "Apr 2022"],
      series: [{ name: "Ségou", values: [80, 40, null, 60] }],
      decimals: 1,
    });
    // One stroke from January to February, then a move (no line) to April.
    const line = /<path d="(M[^"]*)" fill="none"[^>]*stroke="#1f5f8b"/.exec(svg)?.[1] ?? "";
    expect(line).toMatch(/^M[\d. ]+L[\d. ]+M[\d. ]+$/);
    expect(svg).toContain("Mar 2022");
    expect(svg).not.toContain("ecmeta_");
  });
});
