// The data-entry form for one facility and one month, in French and English.

export const fr = {
  "hent.title": "Saisir des données",
  "hent.intro":
    "Pour une structure sans accès à DHIS2 : choisissez la structure et le mois, saisissez les valeurs, enregistrez. Une case vidée efface sa valeur.",
  "hent.unit": "Structure",
  "hent.month": "Mois",
  "hent.choose": "Afficher le formulaire",
  "hent.pick": "Choisissez une structure et un mois (AAAA-MM).",
  "hent.none": "Aucune structure enregistrée : importez d’abord les unités d’organisation.",
  "hent.save": "Enregistrer",
  "hent.saved":
    "Enregistré : {imported} {imported|valeur ajoutée|valeurs ajoutées}, {updated} {updated|modifiée|modifiées}, {deleted} {deleted|effacée|effacées}.",
  "hent.refused": "Rien n’a été enregistré : corrigez les cases signalées.",
  "hent.warn.outside_history":
    "« {value} » est loin des mois précédents de cette structure (médiane {median}) : vérifiez-le.",
  "hent.warn.numerator_above_denominator":
    "{indicator} : le numérateur ({numerator}) dépasse le dénominateur ({denominator}).",
  "hent.warnings": "À vérifier",
};

export const en: Record<keyof typeof fr, string> = {
  "hent.title": "Enter data",
  "hent.intro":
    "For a facility without DHIS2 access: choose the facility and the month, type the values, save. An emptied box deletes its value.",
  "hent.unit": "Facility",
  "hent.month": "Month",
  "hent.choose": "Show the form",
  "hent.pick": "Choose a facility and a month (YYYY-MM).",
  "hent.none": "No facility is stored yet: import the organisation units first.",
  "hent.save": "Save",
  "hent.saved":
    "Saved: {imported} {imported|value added|values added}, {updated} updated, {deleted} deleted.",
  "hent.refused": "Nothing was saved: correct the boxes marked.",
  "hent.warn.outside_history":
    "“{value}” is far from this facility's previous months (median {median}): check it.",
  "hent.warn.numerator_above_denominator":
    "{indicator}: the numerator ({numerator}) is above the denominator ({denominator}).",
  "hent.warnings": "To check",
};
