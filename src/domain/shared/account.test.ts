import { describe, expect, it } from "vitest";
import { emailProblem, isEmail, isGuessable, MAX_EMAIL, passwordProblem } from "./account.ts";

describe("password rules", () => {
  it("asks for at least 12 characters", () => {
    expect(passwordProblem("Kx9-vT2q!mZ", "a@b.ml")).toBe("too_short");
    expect(passwordProblem("Kx9-vT2q!mZw", "a@b.ml")).toBeNull();
    expect(passwordProblem("x".repeat(201), "a@b.ml")).toBe("too_long");
  });

  it.each([
    "password1234",
    "Password!2024",
    "P@ssw0rd2024!",
    "motdepasse123",
    "Mot de passe 2024",
    "azertyuiop12",
    "qwertyuiop!!",
    "123456789012",
    "1234567890123",
    "aaaaaaaaaaaa",
    "abcabcabcabc",
    "jalon2024jalon",
    "Jalon-Jalon-2024",
    "soleilsoleil",
    "bamako2024bamako",
    "iloveyou2024!",
    "correcthorsebatterystaple",
    "abcdefghijklmnop",
    "0987654321qwerty",
  ])("refuses %s", (password) => {
    expect(passwordProblem(password, "awa.traore@sante.ml")).toBe("common");
  });

  it("refuses the e-mail's local part dressed up", () => {
    expect(isGuessable("awa.traore2024", "awa.traore@sante.ml")).toBe(true);
    expect(isGuessable("Traore123456!", "awa.traore@sante.ml")).toBe(true);
    expect(passwordProblem("awa.traore@sante.ml", "Awa.Traore@sante.ml")).toBe("same_as_email");
  });

  it.each([
    "correct horse battery",
    "un mot de passe sûr",
    "Le fleuve Niger à Ségou",
    "tv7-Qm2x-Lp9r",
    "Kx9-vT2q!mZw",
  ])("accepts %s", (password) => {
    expect(passwordProblem(password, "awa.traore@sante.ml")).toBeNull();
  });
});

describe("e-mail addresses", () => {
  it("says too long apart from malformed, at the mailbox limit", () => {
    const at = (n: number) => `${"a".repeat(n - "@jalon.ml".length)}@jalon.ml`;
    expect(emailProblem(at(MAX_EMAIL))).toBeNull();
    expect(emailProblem(at(MAX_EMAIL + 1))).toBe("too_long");
    expect(isEmail(at(MAX_EMAIL + 1))).toBe(false);
    expect(emailProblem("  ")).toBe("required");
    expect(emailProblem("pas-une-adresse")).toBe("invalid");
    expect(emailProblem(" Awa@Jalon.ML ")).toBeNull();
  });
});
