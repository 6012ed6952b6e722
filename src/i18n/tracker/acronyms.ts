// Messages of the acronyms editor: the list of acronyms that the annual report explains.
export const fr = {
  "acr.title": "Sigles et abréviations",
  "acr.link": "Sigles et abréviations du rapport",
  "acr.intro":
    "La liste des sigles du rapport annuel, commune à toutes les périodes. Chaque rapport n’imprime que ceux que son texte emploie.",
  "acr.count": "{count} {count|sigle|sigles}",
  "acr.empty": "Aucun sigle pour l’instant.",
  "acr.add.title": "Ajouter un sigle",
  "acr.acronym": "Sigle",
  "acr.expansion": "Signification en français",
  "acr.expansionEn": "Signification en anglais (facultatif)",
  "acr.add": "Ajouter le sigle",
  "acr.edit": "Modifier",
  "acr.save": "Enregistrer",
  "acr.remove": "Supprimer ce sigle",
  "acr.added": "Sigle {acronym} ajouté.",
  "acr.saved": "Sigle {acronym} enregistré.",
  "acr.removed": "Sigle supprimé.",
  "acr.back": "Retour aux sigles",
  "acr.error.required": "Ce champ est obligatoire.",
  "acr.error.format":
    "Un seul mot de 24 caractères au plus : lettres et chiffres, avec / + & . - admis (ex. SR/PF).",
  "acr.error.taken": "Ce sigle figure déjà dans la liste : modifiez-le plutôt.",
};

export const en: Record<keyof typeof fr, string> = {
  "acr.title": "Acronyms and abbreviations",
  "acr.link": "The report’s acronyms and abbreviations",
  "acr.intro":
    "The annual report’s list of acronyms, shared by every cycle. Each report prints only those its text uses.",
  "acr.count": "{count} {count|acronym|acronyms}",
  "acr.empty": "No acronym yet.",
  "acr.add.title": "Add an acronym",
  "acr.acronym": "Acronym",
  "acr.expansion": "Meaning in French",
  "acr.expansionEn": "Meaning in English (optional)",
  "acr.add": "Add the acronym",
  "acr.edit": "Edit",
  "acr.save": "Save",
  "acr.remove": "Delete this acronym",
  "acr.added": "Acronym {acronym} added.",
  "acr.saved": "Acronym {acronym} saved.",
  "acr.removed": "Acronym deleted.",
  "acr.back": "Back to the acronyms",
  "acr.error.required": "This field is required.",
  "acr.error.format":
    "One word of at most 24 characters: letters and digits, with / + & . - allowed (e.g. SR/PF).",
  "acr.error.taken": "This acronym is already in the list: edit it instead.",
};
