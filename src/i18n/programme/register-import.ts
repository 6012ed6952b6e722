// Importing the midwife register from a file, in French and English: why a line is refused (the
// command line and the page say the same), the command's usage and summary lines, and the words
// of the upload form, its preview and the templates.

export const fr = {
  "mwrow.name_missing": "le nom manque.",
  "mwrow.name_invalid": "le nom est trop long (200 caractères au plus).",
  "mwrow.unknown_qualification":
    "qualification inconnue (attendu : sage-femme, infirmière obstétricienne ou matrone).",
  "mwrow.languages_invalid": "langues invalides (10 au plus, de 60 caractères au plus chacune).",
  "mwrow.phone_invalid": "le téléphone est trop long (200 caractères au plus).",
  "mwrow.email_invalid": "l’adresse électronique n’est pas valide.",
  "mwrow.facility_missing": "la structure manque (son code ou son uid DHIS2).",
  "mwrow.unknown_facility": "structure inconnue : aucun code ni uid enregistré ne lui correspond.",
  "mwrow.start_missing": "la date de début manque.",
  "mwrow.invalid_start": "date de début invalide (AAAA-MM-JJ ou JJ/MM/AAAA).",
  "mwrow.invalid_end": "date de fin invalide (AAAA-MM-JJ ou JJ/MM/AAAA).",
  "mwrow.end_before_start": "la date de fin précède la date de début.",
  "mwrow.end_reason_missing": "une affectation terminée doit dire pourquoi (motif de fin).",
  "mwrow.end_reason_without_end": "un motif de fin est donné sans date de fin.",
  "mwrow.unknown_end_reason":
    "motif de fin inconnu (fin de contrat, mutation, démission, décès ou autre).",
  "mwrow.invalid_training":
    "formation mal écrite (attendu « thème;date;organisme », séparées par « | »).",
  "mwrow.unknown_topic": "thème de formation inconnu.",
  "mwrow.invalid_training_date": "date de formation invalide ou dans le futur.",
  "mwrow.overlap_in_file":
    "cette affectation partage des jours avec une autre de la même sage-femme dans le fichier.",
  "mwrow.overlap_stored":
    "cette affectation partage des jours avec une affectation déjà enregistrée de la même sage-femme.",
};

export const en: Record<keyof typeof fr, string> = {
  "mwrow.name_missing": "the name is missing.",
  "mwrow.name_invalid": "the name is too long (200 characters at most).",
  "mwrow.unknown_qualification":
    "unknown qualification (expected: midwife, obstetric nurse or matron).",
  "mwrow.languages_invalid": "invalid languages (10 at most, 60 characters at most each).",
  "mwrow.phone_invalid": "the telephone is too long (200 characters at most).",
  "mwrow.email_invalid": "the e-mail address is not valid.",
  "mwrow.facility_missing": "the facility is missing (its code or DHIS2 uid).",
  "mwrow.unknown_facility": "unknown facility: no stored code or uid matches it.",
  "mwrow.start_missing": "the start date is missing.",
  "mwrow.invalid_start": "invalid start date (YYYY-MM-DD or DD/MM/YYYY).",
  "mwrow.invalid_end": "invalid end date (YYYY-MM-DD or DD/MM/YYYY).",
  "mwrow.end_before_start": "the end date is before the start date.",
  "mwrow.end_reason_missing": "an ended deployment must say why (end reason).",
  "mwrow.end_reason_without_end": "an end reason is given without an end date.",
  "mwrow.unknown_end_reason":
    "unknown end reason (contract ended, transferred, resigned, deceased or other).",
  "mwrow.invalid_training":
    "training written wrongly (expected “topic;date;provider”, separated by “|”).",
  "mwrow.unknown_topic": "unknown training topic.",
  "mwrow.invalid_training_date": "invalid training date, or one in the future.",
  "mwrow.overlap_in_file":
    "this deployment shares days with another of the same midwife in the file.",
  "mwrow.overlap_stored":
    "this deployment shares days with an already stored deployment of the same midwife.",
};

/** The command line's words for `jalon import midwives`. */
export const cliFr = {
  "usage.import-midwives": `Usage : jalon import midwives FICHIER --programme ID [--dry-run]
Importe le registre des sages-femmes d'un fichier CSV ou XLSX (en-têtes en français ou en
anglais) dans un programme : nom, qualification, structure (code ou uid), date de début, et au
choix langues, téléphone, courriel, date et motif de fin, formations (« thème;date;organisme »
séparées par « | »). Une sage-femme est reconnue par son nom et son téléphone ; réimporter le
même fichier ne change rien.
  --programme ID  le programme des affectations
  --dry-run       vérifie et compte sans rien enregistrer`,
  midwives_missing:
    "Argument {value} manquant : par exemple « jalon import midwives registre.csv --programme 1 ».",
  midwives_reading: "Lecture de {file}…",
  midwives_done:
    "{file} (registre) : {imported} {imported|ligne importée|lignes importées}, {updated} {updated|mise à jour|mises à jour}, {ignored} {ignored|inchangée|inchangées}, {rejected} {rejected|ligne refusée|lignes refusées}.",
  midwives_added:
    "  {midwives} {midwives|sage-femme ajoutée|sages-femmes ajoutées}, {deployments} {deployments|affectation ajoutée|affectations ajoutées}, {trainings} {trainings|formation ajoutée|formations ajoutées}.",
  midwives_row: "  ligne {row} ({name}) : {reason}",
  midwives_no_programme: "Programme {id} introuvable : rien n'a été importé.",
};

export const cliEn: Record<keyof typeof cliFr, string> = {
  "usage.import-midwives": `Usage: jalon import midwives FILE --programme ID [--dry-run]
Imports the midwife register from a CSV or XLSX file (headers in French or English) into a
programme: name, qualification, facility (code or uid), start date, and optionally languages,
telephone, e-mail, end date and reason, trainings (“topic;date;provider” separated by “|”). A
midwife is known by her name and telephone; importing the same file again changes nothing.
  --programme ID  the programme of the deployments
  --dry-run       check and count without storing anything`,
  midwives_missing:
    "Missing argument {value}: e.g. “jalon import midwives register.csv --programme 1”.",
  midwives_reading: "Reading {file}…",
  midwives_done:
    "{file} (register): {imported} {imported|row imported|rows imported}, {updated} updated, {ignored} unchanged, {rejected} {rejected|row refused|rows refused}.",
  midwives_added:
    "  {midwives} {midwives|midwife added|midwives added}, {deployments} {deployments|deployment added|deployments added}, {trainings} {trainings|training added|trainings added}.",
  midwives_row: "  row {row} ({name}): {reason}",
  midwives_no_programme: "Programme {id} not found: nothing was imported.",
};
