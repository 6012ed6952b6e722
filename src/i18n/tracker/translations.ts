// Messages of the English edition's translations: the workspace pages where the English of
// free texts is given, and the mark the English report puts on a passage printed in French.
export const fr = {
  "tr.link": "Traductions pour l’édition anglaise",
  "tr.title": "Traductions anglaises",
  "tr.intro":
    "Ces textes sont en français seulement : l’édition anglaise du rapport les imprime en français, marqués « non traduit ». Donnez leur version anglaise.",
  "tr.none": "Rien ne manque : l’édition anglaise est entièrement en anglais.",
  "tr.total": "{n} {n|texte à traduire|textes à traduire}",
  "tr.kind.activities": "Activités",
  "tr.kind.collaborators_text": "Collaborations (texte libre)",
  "tr.kind.difficulties": "Difficultés des réponses",
  "tr.kind.unit": "Unités des résultats chiffrés",
  "tr.kind.narrative": "Commentaires des indicateurs",
  "tr.kind.report_text": "Textes du rapport",
  "tr.kind.cycle_difficulty": "Difficultés de la période",
  "tr.kind.recommendation": "Recommandations",
  "tr.outdated": "le français a changé depuis la traduction",
  "tr.translate": "Traduire",
  "tr.fr": "En français",
  "tr.en": "En anglais",
  "tr.en_hint": "Laissez vide pour imprimer le français, marqué « non traduit ».",
  "tr.unit_hint": "Une unité traduite l’est pour toutes les réponses qui l’emploient.",
  "tr.answer.title": "Traduire la réponse de {partner}",
  "tr.narrative.title": "Traduire le commentaire de l’indicateur",
  "tr.lists.title": "Traduire les difficultés et recommandations",
  "tr.no_narrative": "Cet indicateur n’a pas de commentaire.",
  "tr.save": "Enregistrer les traductions",
  "tr.saved": "Traductions enregistrées.",
  "tr.back": "Retour aux traductions",
  "tr.q.link": "Donner une version anglaise (facultatif)",
  "tr.q.intro":
    "Facultatif : l’édition anglaise du rapport imprime votre version anglaise ; sans elle, votre texte y figure en français, marqué « non traduit ».",
  "tr.q.first":
    "Enregistrez d’abord votre réponse en français : sa version anglaise vient ensuite.",
  "tr.q.back": "Retour au questionnaire",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "tr.link": "Translations for the English edition",
  "tr.title": "English translations",
  "tr.intro":
    "These texts are in French only: the English edition of the report prints them in French, marked as not translated. Give their English version.",
  "tr.none": "Nothing is missing: the English edition is English throughout.",
  "tr.total": "{n} {n|text to translate|texts to translate}",
  "tr.kind.activities": "Activities",
  "tr.kind.collaborators_text": "Collaborations (free text)",
  "tr.kind.difficulties": "Difficulties in answers",
  "tr.kind.unit": "Units of quantified outputs",
  "tr.kind.narrative": "Indicator narratives",
  "tr.kind.report_text": "Report texts",
  "tr.kind.cycle_difficulty": "Difficulties of the cycle",
  "tr.kind.recommendation": "Recommendations",
  "tr.outdated": "the French has changed since it was translated",
  "tr.translate": "Translate",
  "tr.fr": "In French",
  "tr.en": "In English",
  "tr.en_hint": "Leave empty to print the French, marked as not translated.",
  "tr.unit_hint": "A unit translated here is translated for every answer that uses it.",
  "tr.answer.title": "Translate the answer of {partner}",
  "tr.narrative.title": "Translate the indicator's narrative",
  "tr.lists.title": "Translate the difficulties and recommendations",
  "tr.no_narrative": "This indicator has no narrative.",
  "tr.save": "Save the translations",
  "tr.saved": "Translations saved.",
  "tr.back": "Back to the translations",
  "tr.q.link": "Give an English version (optional)",
  "tr.q.intro":
    "Optional: the English edition of the report prints your English version; without it, your text appears there in French, marked as not translated.",
  "tr.q.first": "Save your answer in French first: its English version comes after.",
  "tr.q.back": "Back to the questionnaire",
};

/** The report's mark on a paragraph printed in French in the English edition. */
export const reportFr = { untranslated: "[en français]" } as const;
export const reportEn: Record<keyof typeof reportFr, string> = { untranslated: "[in French]" };
