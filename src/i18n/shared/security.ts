// Messages of rate limits, lockouts, password strength and hidden contact addresses.
export const fr = {
  "auth.login.locked":
    "Trop de tentatives de connexion : réessayez dans {minutes} {minutes|minute|minutes}.",
  "auth.forgot.limited":
    "Trop de demandes de réinitialisation : réessayez dans {minutes} {minutes|minute|minutes}.",
  "auth.password.common":
    "Ce mot de passe est trop facile à deviner : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
  "auth.password.rules":
    "Au moins 12 caractères ; ni un mot de passe courant, ni votre adresse, ni une suite de touches ou une répétition. Une phrase de plusieurs mots convient bien.",
  "contact.hidden": "adresse masquée",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "auth.login.locked":
    "Too many sign-in attempts: try again in {minutes} {minutes|minute|minutes}.",
  "auth.forgot.limited":
    "Too many reset requests: try again in {minutes} {minutes|minute|minutes}.",
  "auth.password.common":
    "This password is too easy to guess: choose another one, for instance a sentence of several words.",
  "auth.password.rules":
    "At least 12 characters; not a common password, your address, a run of keys or a repetition. A sentence of several words works well.",
  "contact.hidden": "address hidden",
};
