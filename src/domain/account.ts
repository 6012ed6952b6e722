// Account rules: e-mail normalisation, password strength, lockout window, token lifetimes.
export const LOCKOUT = { failures: 5, windowMinutes: 15, lockMinutes: 15 } as const;
export const SESSION_DAYS = 14;
export const RESET_MINUTES = 60;
export const MIN_PASSWORD = 10;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);
}

export type PasswordProblem = "too_short" | "too_long" | "same_as_email";

export function passwordProblem(password: string, email: string): PasswordProblem | null {
  if (password.length < MIN_PASSWORD) return "too_short";
  if (password.length > 200) return "too_long";
  if (normaliseEmail(password) === normaliseEmail(email)) return "same_as_email";
  return null;
}

/** Locked when the failures inside the window reach the threshold. */
export function shouldLock(failuresInWindow: number): boolean {
  return failuresInWindow >= LOCKOUT.failures;
}
