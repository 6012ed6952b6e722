// Messages of the report texts editor: what the coordinator writes for a cycle's annual report.
export const fr = {
  "texts.title": "Textes du rapport",
  "texts.link": "Textes du rapport annuel",
  "texts.intro":
    "Ces textes entrent dans le rapport annuel de la période. Les chiffres s’écrivent entre accolades et sont calculés à la génération : {placeholders}.",
  "texts.previous":
    "Repris de la période précédente comme point de départ : enregistrez pour l’adopter.",
  "texts.remove_hint":
    "Seuls les textes enregistrés pour cette période entrent dans son rapport. Videz les deux champs d’un texte pour le retirer du rapport.",
  "texts.earlier": "Texte de la période précédente",
  "texts.default":
    "Texte proposé par défaut, imprimé tant qu’aucun n’est enregistré : adaptez-le puis enregistrez.",
  "texts.fr": "En français",
  "texts.en": "En anglais (facultatif)",
  "texts.save": "Enregistrer les textes",
  "texts.saved":
    "{count} {count|texte enregistré|textes enregistrés}, {removed} {removed|retiré|retirés}.",
  "texts.back": "Retour à la période",
  "texts.error.placeholder": "Chiffre inconnu : {placeholder}. Utilisez ceux listés plus haut.",
  "texts.error.length": "Texte trop long ({max} {max|caractère|caractères} au plus).",
  "texts.error.required": "Le texte en français est obligatoire quand l’anglais est rempli.",
  "texts.kind.acknowledgements": "Remerciements",
  "texts.kind.context": "Contexte",
  "texts.kind.project_summary": "Résumé du projet (historique de la démarche dans le pays)",
  "texts.kind.strategies": "Stratégies du projet",
  "texts.kind.objectives": "Objectifs",
  "texts.kind.expected_results": "Résultats attendus",
  "texts.kind.methodology": "Méthodologie",
  "texts.kind.highlights": "Faits marquants",
  "texts.kind.synthesis": "Synthèse",
  "texts.kind.conclusion": "Conclusion",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "texts.title": "Report texts",
  "texts.link": "Annual report texts",
  "texts.intro":
    "These texts go into the cycle's annual report. Figures are written in braces and computed when the report is built: {placeholders}.",
  "texts.previous": "Taken from the previous cycle as a starting point: save to adopt it.",
  "texts.remove_hint":
    "Only the texts saved for this cycle go into its report. Empty both fields of a text to remove it from the report.",
  "texts.earlier": "Text of the previous cycle",
  "texts.default": "Default text, printed while none is saved: adapt it, then save.",
  "texts.fr": "In French",
  "texts.en": "In English (optional)",
  "texts.save": "Save the texts",
  "texts.saved": "{count} {count|text|texts} saved, {removed} removed.",
  "texts.back": "Back to the cycle",
  "texts.error.placeholder": "Unknown figure: {placeholder}. Use those listed above.",
  "texts.error.length": "Text too long ({max} {max|character|characters} at most).",
  "texts.error.required": "The French text is required when the English one is filled in.",
  "texts.kind.acknowledgements": "Acknowledgements",
  "texts.kind.context": "Context",
  "texts.kind.project_summary": "Project summary (history of the approach in the country)",
  "texts.kind.strategies": "The project's strategies",
  "texts.kind.objectives": "Objectives",
  "texts.kind.expected_results": "Expected results",
  "texts.kind.methodology": "Methodology",
  "texts.kind.highlights": "Highlights",
  "texts.kind.synthesis": "Synthesis",
  "texts.kind.conclusion": "Conclusion",
};
