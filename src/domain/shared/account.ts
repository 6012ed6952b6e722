// Account rules: e-mail normalisation, password strength, rate limits and lockout, session and
// token lifetimes.
import { COMMON_NUMBERS, COMMON_WORDS, KEYBOARD_RUNS } from "./common-passwords.ts";

/** An address (typed e-mail, known or not) locks after this many failures inside the window. */
export const LOCKOUT = { failures: 5, windowMinutes: 15 } as const;
/** One client address may fail this many sign-ins inside the window, whatever accounts it tries. */
export const ADDRESS_LOGIN_LIMIT = { failures: 30, windowMinutes: 15 } as const;
/** Password-reset e-mails: per typed address, and per client address, inside one hour. */
export const RESET_LIMITS = {
  perAccount: 3,
  perAddress: 10,
  windowMinutes: 60,
} as const;
export const SESSION_DAYS = 14;
/** An account's session ends after this long without a request, unless configured otherwise. */
export const SESSION_IDLE_MINUTES = 4 * 60;
/** Activity is written at most this often per session, to spare a write on every request. */
export const SESSION_TOUCH_SECONDS = 60;
export const RESET_MINUTES = 60;
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 200;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A person's name on an account: longer is refused, with a message beside the field. */
export const MAX_USER_NAME = 200;

/** The longest address a mailbox can have (64 for the local part, 255 for the domain). */
export const MAX_EMAIL = 320;

export function isEmail(email: string): boolean {
  return email.length <= MAX_EMAIL && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);
}

/** Why a typed address is refused (too long is said apart, with its limit), or null. */
export function emailProblem(email: string): "required" | "too_long" | "invalid" | null {
  const trimmed = email.trim();
  if (trimmed === "") return "required";
  if (trimmed.length > MAX_EMAIL) return "too_long";
  return isEmail(normaliseEmail(trimmed)) ? null : "invalid";
}

export const PASSWORD_PROBLEMS = ["too_short", "too_long", "same_as_email", "common"] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** What a password must not be: short, huge, the address, or what attackers try first. */
export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD) return "too_short";
  if (password.length > MAX_PASSWORD) return "too_long";
  if (normaliseEmail(password) === normaliseEmail(email)) return "same_as_email";
  if (isGuessable(password, email)) return "common";
  return null;
}

const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
  "!": "i",
};

/** Lower case, accents off, spaces and punctuation dropped: "Mot de passe!" → "motdepasse!". */
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[\s._\-+,;:'"’/\\|()[\]{}*#%&^~`?<>=]/g, "");
}

function unleet(text: string): string {
  return [...text].map((ch) => LEET[ch] ?? ch).join("");
}

/** Removes runs of three or more characters along a keyboard row or a sequence, either way. */
function withoutRuns(text: string): string {
  const lines = KEYBOARD_RUNS.flatMap((r) => [r, [...r].reverse().join("")]);
  let out = "";
  let i = 0;
  while (i < text.length) {
    let end = i;
    for (let j = i + 3; j <= text.length; j++) {
      const piece = text.slice(i, j);
      if (lines.some((l) => l.includes(piece))) end = j;
      else break;
    }
    if (end > i) i = end;
    else {
      out += text[i];
      i++;
    }
  }
  return out;
}

/** Removes characters repeated three times or more in a row, and whole repeated chunks. */
function withoutRepeats(text: string): string {
  const collapsed = text.replace(/(.)\1{2,}/g, "");
  const chunk = /^(.{1,6}?)\1+$/.exec(collapsed);
  return chunk ? "" : collapsed;
}

/**
 * A password is guessable when it is (up to case, accents, decoration and digit substitutions) a
 * common password, or when little is left once the obvious parts are taken out: the e-mail's
 * local part, "jalon", keyboard runs and sequences, repeated characters.
 */
export function isGuessable(password: string, email: string): boolean {
  const folded = fold(password);
  if (COMMON_NUMBERS.has(folded)) return true;
  // Decoration around a word ("Password!2024") and digits for letters ("p@ssw0rd") change nothing.
  const trimmed = folded.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const words = new Set([
    folded,
    trimmed,
    unleet(trimmed),
    folded.replace(/[^\p{L}]/gu, ""),
    unleet(folded).replace(/[^\p{L}]/gu, ""),
  ]);
  for (const w of words) {
    if (COMMON_WORDS.has(w)) return true;
    // A word said twice ("soleilsoleil", "bamako2024bamako") is no stronger than the word.
    const twice = /^(\p{L}+)[^\p{L}]*\1[^\p{L}]*$/u.exec(w);
    if (twice?.[1] && COMMON_WORDS.has(twice[1])) return true;
  }

  const localPart = normaliseEmail(email).split("@")[0] ?? "";
  const pieces = [localPart, ...localPart.split(/[^\p{L}\p{N}]+/u)]
    .flatMap((p) => [fold(p), unleet(fold(p))])
    .filter((p) => p.length >= 3);
  let rest = folded;
  for (const text of [folded, unleet(folded)]) {
    let r = text;
    for (const p of [...pieces, "jalon"]) r = r.split(p).join("");
    r = withoutRepeats(withoutRuns(r));
    if (r.length < rest.length) rest = r;
  }
  return rest.length < 6;
}
