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

/** The words of the upload form on the register page, its preview, its result and templates. */
export const pageFr = {
  "mwimp.title": "Importer le registre",
  "mwimp.intro":
    "Un fichier CSV ou XLSX, une ligne par affectation : nom, qualification, structure (code ou uid) et date de début, et au choix langues, téléphone, courriel, date et motif de fin, formations (« thème;date;organisme » séparées par « | »). Une sage-femme est reconnue par son nom et son téléphone ; réimporter le même fichier ne change rien.",
  "mwimp.programme": "Programme des affectations",
  "mwimp.file": "Fichier (CSV ou XLSX, 20 Mo au plus)",
  "mwimp.check": "Vérifier le fichier",
  "mwimp.templates": "Modèles à remplir",
  "mwimp.tplCsv": "Modèle CSV (en-têtes acceptés)",
  "mwimp.tplXlsx": "Modèle Excel, avec la liste des structures",
  "mwimp.noProgramme":
    "Enregistrez d’abord un programme : les affectations importées lui appartiennent.",
  "mwimp.missing": "Choisissez le fichier à importer.",
  "mwimp.badProgramme": "Choisissez le programme des affectations.",
  "mwimp.refused": "Fichier refusé : {reason}",
  "mwimp.expired":
    "Cette vérification n’est plus disponible (elle expire après 30 minutes) : envoyez le fichier de nouveau.",
  "mwimp.previewTitle": "Vérification du registre",
  "mwimp.previewIntro": "{file}, pour le programme « {programme} ». Rien n’est encore enregistré.",
  "mwimp.doneTitle": "Registre importé",
  "mwimp.doneIntro": "{file}, pour le programme « {programme} ».",
  "mwimp.toImport": "{count} {count|ligne à importer|lignes à importer}",
  "mwimp.toUpdate": "{count} {count|ligne à mettre à jour|lignes à mettre à jour}",
  "mwimp.unchanged": "{count} {count|ligne inchangée|lignes inchangées}",
  "mwimp.rejected": "{count} {count|ligne refusée|lignes refusées}",
  "mwimp.imported": "{count} {count|ligne importée|lignes importées}",
  "mwimp.updated": "{count} {count|ligne mise à jour|lignes mises à jour}",
  "mwimp.added":
    "{midwives} {midwives|sage-femme|sages-femmes}, {deployments} {deployments|affectation|affectations} et {trainings} {trainings|formation|formations} en plus.",
  "mwimp.rejectedTitle": "Lignes refusées",
  "mwimp.rejectedIntro":
    "Corrigez-les dans le fichier et envoyez-le de nouveau : les autres lignes ne seront pas comptées deux fois.",
  "mwimp.row": "Ligne {row}",
  "mwimp.notListed": "… et {count} {count|autre ligne refusée|autres lignes refusées}.",
  "mwimp.confirm": "Importer ces lignes",
  "mwimp.nothing": "Ce fichier ne change rien au registre.",
  "mwimp.cancel": "Retour au registre",
  "mwimp.tpl.title": "Registre des sages-femmes",
  "mwimp.tpl.register": "Registre",
  "mwimp.tpl.facilities": "Structures",
  "mwimp.tpl.code": "code",
  "mwimp.tpl.name": "nom",
  "mwimp.tpl.parent": "unité parente",
};

export const pageEn: Record<keyof typeof pageFr, string> = {
  "mwimp.title": "Import the register",
  "mwimp.intro":
    "A CSV or XLSX file, one line per deployment: name, qualification, facility (code or uid) and start date, and optionally languages, telephone, e-mail, end date and reason, trainings (“topic;date;provider” separated by “|”). A midwife is known by her name and telephone; importing the same file again changes nothing.",
  "mwimp.programme": "Programme of the deployments",
  "mwimp.file": "File (CSV or XLSX, 20 MB at most)",
  "mwimp.check": "Check the file",
  "mwimp.templates": "Templates to fill in",
  "mwimp.tplCsv": "CSV template (accepted headers)",
  "mwimp.tplXlsx": "Excel template, with the list of facilities",
  "mwimp.noProgramme": "Save a programme first: the imported deployments belong to it.",
  "mwimp.missing": "Choose the file to import.",
  "mwimp.badProgramme": "Choose the programme of the deployments.",
  "mwimp.refused": "File refused: {reason}",
  "mwimp.expired":
    "This check is no longer available (it expires after 30 minutes): send the file again.",
  "mwimp.previewTitle": "Checking the register",
  "mwimp.previewIntro": "{file}, for the programme “{programme}”. Nothing is stored yet.",
  "mwimp.doneTitle": "Register imported",
  "mwimp.doneIntro": "{file}, for the programme “{programme}”.",
  "mwimp.toImport": "{count} {count|row to import|rows to import}",
  "mwimp.toUpdate": "{count} {count|row to update|rows to update}",
  "mwimp.unchanged": "{count} {count|row unchanged|rows unchanged}",
  "mwimp.rejected": "{count} {count|row refused|rows refused}",
  "mwimp.imported": "{count} {count|row imported|rows imported}",
  "mwimp.updated": "{count} {count|row updated|rows updated}",
  "mwimp.added":
    "{midwives} {midwives|midwife|midwives}, {deployments} {deployments|deployment|deployments} and {trainings} {trainings|training|trainings} added.",
  "mwimp.rejectedTitle": "Rows refused",
  "mwimp.rejectedIntro":
    "Correct them in the file and send it again: the other rows will not be counted twice.",
  "mwimp.row": "Row {row}",
  "mwimp.notListed": "… and {count} {count|other row refused|other rows refused}.",
  "mwimp.confirm": "Import these rows",
  "mwimp.nothing": "This file changes nothing in the register.",
  "mwimp.cancel": "Back to the register",
  "mwimp.tpl.title": "Midwife register",
  "mwimp.tpl.register": "Register",
  "mwimp.tpl.facilities": "Facilities",
  "mwimp.tpl.code": "code",
  "mwimp.tpl.name": "name",
  "mwimp.tpl.parent": "parent unit",
};
