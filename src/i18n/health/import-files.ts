// The imports page's words for files made without DHIS2 — the units' CSV and the facility file:
// their kinds, how to lay them out, their templates, and their summaries with warnings.

export const fr = {
  "himp.kind.units": "Des unités d’organisation (CSV)",
  "himp.kind.facility": "Les valeurs d’une structure (CSV ou XLSX)",
  "himp.fmt.title": "Fichiers sans DHIS2",
  "himp.fmt.units":
    "Unités d’organisation (CSV) : une unité par ligne, avec les colonnes code, nom, code parent (vide pour la racine) et, au choix, niveau (numéro ou nom), uid DHIS2, latitude et longitude (ou une géométrie GeoJSON), date d’ouverture et date de fermeture. Les parents peuvent venir après leurs enfants. Une unité déjà enregistrée (même uid, sinon même code) est mise à jour ; si son parent change, elle est déplacée avec ses valeurs et les totaux suivent.",
  "himp.fmt.facility":
    "Valeurs d’une structure (CSV ou XLSX) : une valeur par ligne — code structure, période (202201, 2022-01 ou 01/2022), code élément, valeur et, s’il y a lieu, désagrégation — ou une ligne par structure et par mois avec une colonne par élément (son code, ou « code.désagrégation »). Les mêmes contrôles que la saisie s’appliquent : type de la valeur, effectifs négatifs refusés ; un numérateur supérieur à son dénominateur ou une valeur très éloignée de l’historique de la structure sont signalés sans être refusés. Une valeur vide est ignorée.",
  "himp.tpl.title": "Modèles à remplir",
  "himp.tpl.facilityCsv": "Valeurs d’une structure (CSV)",
  "himp.tpl.facilityXlsx":
    "Valeurs d’une structure (XLSX, avec la liste des structures et des éléments)",
  "himp.tpl.unitsCsv": "Unités d’organisation (CSV)",
  "himp.tpl.values": "Valeurs",
  "himp.tpl.facilities": "Structures",
  "himp.tpl.elements": "Éléments",
  "himp.tpl.units": "Unités",
  "himp.tpl.code": "code",
  "himp.tpl.name": "nom",
  "himp.tpl.parent": "unité parente",
  "himp.tpl.combo": "code désagrégation",
  "himp.tpl.comboName": "désagrégation",
  "himp.tpl.facilityTitle": "Valeurs d’une structure — modèle Jalon",
  "himp.tpl.unitsTitle": "Unités d’organisation — modèle Jalon",
  "himp.sum.units":
    "Unités : {imported} {imported|ajoutée|ajoutées}, {updated} {updated|mise à jour|mises à jour} (dont {moved} {moved|déplacée|déplacées}), {ignored} {ignored|inchangée|inchangées}, {rejected} {rejected|ligne refusée|lignes refusées}.",
  "himp.warnings": "À vérifier",
  "himp.warning": "Avertissement",
  "himp.warnings.intro":
    "Ces valeurs ont été enregistrées (sauf en vérification seule) ; vérifiez-les à la source.",
  "himp.warn.outside_history":
    "{orgUnit}, {period} : « {value} » pour {field} est loin des mois précédents de cette structure (médiane {median}).",
  "himp.warn.numerator_above_denominator":
    "{orgUnit}, {period} : {indicator} — le numérateur ({numerator}) dépasse le dénominateur ({denominator}).",
  "himp.warningsNotListed": "… et {count} {count|autre avertissement|autres avertissements}.",
};

export const en: Record<keyof typeof fr, string> = {
  "himp.kind.units": "Organisation units (CSV)",
  "himp.kind.facility": "A facility’s values (CSV or XLSX)",
  "himp.fmt.title": "Files without DHIS2",
  "himp.fmt.units":
    "Organisation units (CSV): one unit a line, with the columns code, name, parent code (empty for the root) and optionally level (number or name), DHIS2 uid, latitude and longitude (or a GeoJSON geometry), opening date and closing date. Parents may come after their children. A unit already stored (same uid, else same code) is updated; when its parent changes it moves with its values and the totals follow.",
  "himp.fmt.facility":
    "A facility’s values (CSV or XLSX): one value a line — facility code, period (202201, 2022-01 or 01/2022), data element code, value and, where needed, category option combo — or one line per facility and month with one column per element (its code, or “code.combo”). The checks of data entry apply: the value’s type, negative counts refused; a numerator above its denominator or a value far from the facility’s history are flagged, not refused. An empty value is skipped.",
  "himp.tpl.title": "Templates to fill in",
  "himp.tpl.facilityCsv": "A facility’s values (CSV)",
  "himp.tpl.facilityXlsx": "A facility’s values (XLSX, with the list of facilities and elements)",
  "himp.tpl.unitsCsv": "Organisation units (CSV)",
  "himp.tpl.values": "Values",
  "himp.tpl.facilities": "Facilities",
  "himp.tpl.elements": "Elements",
  "himp.tpl.units": "Units",
  "himp.tpl.code": "code",
  "himp.tpl.name": "name",
  "himp.tpl.parent": "parent unit",
  "himp.tpl.combo": "combo code",
  "himp.tpl.comboName": "category option combo",
  "himp.tpl.facilityTitle": "A facility’s values — Jalon template",
  "himp.tpl.unitsTitle": "Organisation units — Jalon template",
  "himp.sum.units":
    "Units: {imported} added, {updated} updated (moved: {moved}), {ignored} unchanged, {rejected} {rejected|row refused|rows refused}.",
  "himp.warnings": "To check",
  "himp.warning": "Warning",
  "himp.warnings.intro":
    "These values were stored (unless only checked); check them against the source.",
  "himp.warn.outside_history":
    "{orgUnit}, {period}: “{value}” for {field} is far from this facility’s previous months (median {median}).",
  "himp.warn.numerator_above_denominator":
    "{orgUnit}, {period}: {indicator} — the numerator ({numerator}) is above the denominator ({denominator}).",
  "himp.warningsNotListed": "… and {count} {count|other warning|other warnings}.",
};
