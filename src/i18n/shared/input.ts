// Messages for values refused at the edge, whatever the page: a field that breaks its rules, a
// NUL character. {field} is the field's label as its form shows it (web/field-labels.ts).
export const fr = {
  "error.invalid.title": "Saisie refusée",
  "error.invalid.body":
    "La valeur du champ « {field} » n’est pas admise (trop longue, mal formée ou inconnue) : rien n’a été enregistré.",
  "error.invalid.nul":
    "Le champ « {field} » contient un caractère nul (U+0000), qu’aucun texte ne peut contenir : rien n’a été enregistré.",
  "error.invalid.bodyAny":
    "Une des valeurs saisies n’est pas admise (trop longue, mal formée ou inconnue) : rien n’a été enregistré.",
  "error.invalid.nulAny":
    "Un des champs contient un caractère nul (U+0000), qu’aucun texte ne peut contenir : rien n’a été enregistré.",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "error.invalid.title": "Input refused",
  "error.invalid.body":
    "The value of the field “{field}” is not allowed (too long, malformed or unknown): nothing was saved.",
  "error.invalid.nul":
    "The field “{field}” holds a null character (U+0000), which no text may contain: nothing was saved.",
  "error.invalid.bodyAny":
    "One of the values entered is not allowed (too long, malformed or unknown): nothing was saved.",
  "error.invalid.nulAny":
    "One of the fields holds a null character (U+0000), which no text may contain: nothing was saved.",
};
