// Jalon's colours, written once. The stylesheet takes the screen's as custom properties
// (web/shared/styles.ts), the charts and the documents (DOCX, PDF, HTML, XLSX) take the paper's.
// The traffic light has two faces: on screen a status is text in its colour on a pale tint; on
// paper a solid fill with ink chosen to read on it.

/** The method's traffic light; domain/tracker/status.ts says which status has which light. */
export const LIGHTS = ["green", "yellow", "red", "grey"] as const;
export type Light = (typeof LIGHTS)[number];

/** The pages' colours; each becomes `--name` in the stylesheet (camelCase → kebab-case). */
export const SCREEN = {
  ink: "#1b1f24",
  muted: "#59636e",
  line: "#d8dee4",
  bg: "#f6f8fa",
  card: "#fff",
  brand: "#0b5f73",
  /** Text and rules on the brand colour, and the outline of a control on it. */
  onBrand: "#fff",
  onBrandEdge: "rgba(255, 255, 255, 0.6)",
  /** The tint of a state shown in the brand colour (an answer submitted). */
  brandBg: "#ddf4f8",
  /** The keyboard focus ring. */
  focus: "#f5a623",
  /** The border of a text field. */
  control: "#8c959f",
  /** The shadow of a panel that stays in sight over the page. */
  shadow: "rgba(0, 0, 0, 0.08)",
};

/** Each light on screen: `--green` (the text) and `--green-bg` (its tint). */
export const SCREEN_LIGHTS: Record<Light, { text: string; tint: string }> = {
  green: { text: "#1a7f37", tint: "#dafbe1" },
  yellow: { text: "#8a6100", tint: "#fff3c4" },
  red: { text: "#b42318", tint: "#ffe1de" },
  grey: { text: "#59636e", tint: "#eaeef2" },
};

/** The programme map's land and borders (its points and labels take the brand and ink). */
export const MAP = {
  land: "#eef3f6",
  edge: "#7a8b99",
};

/** The documents' and charts' colours. */
export const PAPER = {
  page: "#ffffff",
  ink: "#1a1a1a",
  /** Headings, the title and the charts' bars. */
  accent: "#1f5f8b",
  muted: "#555555",
  /** Notes under tables and the page header. */
  note: "#444444",
  /** The placeholder of a missing logo and its dashed frame. */
  placeholder: "#777777",
  frame: "#999999",
  /** Table borders and the printed form's writing lines. */
  rule: "#9aa7b0",
  headerFill: "#dce8f0",
  groupFill: "#eef3f6",
};

/**
 * The lines and bars of a chart with several series (the explorer's units), in this order: the
 * accent, then the Okabe–Ito colours that stay apart for colour-blind readers, yellow left out
 * (it does not read on white).
 */
export const SERIES = [
  PAPER.accent,
  "#e69f00",
  "#009e73",
  "#cc79a7",
  "#d55e00",
  "#56b4e9",
  "#000000",
  "#8c6d1f",
] as const;

/** Each light on paper, readable on white: its fill and the ink written on it. */
export const PAPER_LIGHTS: Record<Light, { fill: string; ink: string }> = {
  green: { fill: "#2e7d32", ink: "#ffffff" },
  yellow: { fill: "#f2c230", ink: "#1a1a1a" },
  red: { fill: "#c62828", ink: "#ffffff" },
  grey: { fill: "#9e9e9e", ink: "#1a1a1a" },
};

/** "#1f5f8b" → "1F5F8B": how Word and Excel write a colour (Excel prefixes "FF" for opaque). */
export function bareHex(colour: string): string {
  return colour.replace("#", "").toUpperCase();
}

/** The stylesheet's custom properties, in one `:root` rule. */
export function screenProperties(): string {
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const properties = [
    ...Object.entries(SCREEN).map(([name, colour]) => `--${kebab(name)}: ${colour};`),
    ...LIGHTS.flatMap((light) => [
      `--${light}: ${SCREEN_LIGHTS[light].text};`,
      `--${light}-bg: ${SCREEN_LIGHTS[light].tint};`,
    ]),
  ];
  return `:root {${properties.join("")}}`;
}
