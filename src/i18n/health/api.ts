// Messages of the JSON API's own refusals (the analytics query's are in ./analytics.ts, shared
// with the command line): credentials sent with a request, and a reason with no message.
export const fr = {
  "api.badCredentials": "Adresse ou mot de passe incorrect.",
  "api.badToken": "Jeton d’accès non valable.",
  "api.locked": "Trop d’essais : réessayez dans {minutes} {minutes|minute|minutes}.",
  "api.invalid": "Requête invalide : {code}.",
};

export const en: Record<keyof typeof fr, string> = {
  "api.badCredentials": "Wrong e-mail address or password.",
  "api.badToken": "Access token not valid.",
  "api.locked": "Too many attempts: try again in {minutes} {minutes|minute|minutes}.",
  "api.invalid": "Invalid query: {code}.",
};
