// Messages of the questionnaire as a file: download, upload and the import's outcome.
export const fr = {
  "files.title": "Questionnaire en fichier Excel",
  "files.intro":
    "Téléchargez le questionnaire, remplissez-le hors ligne, puis déposez-le ici : les réponses déjà saisies y figurent.",
  "files.download": "Télécharger le questionnaire (.xlsx)",
  "files.print": "À imprimer, avec les réponses :",
  "files.printBlank": "vierge :",
  "files.file": "Fichier rempli (.xlsx, 10 Mo au plus)",
  "files.dryRun": "Vérifier seulement, sans rien enregistrer",
  "files.import": "Importer le fichier",
  "files.result.title": "Import du questionnaire",
  "files.result.counts":
    "{imported} {imported|réponse ajoutée|réponses ajoutées}, {updated} {updated|mise à jour|mises à jour}, {ignored} {ignored|inchangée|inchangées}, {rejected} {rejected|ligne refusée|lignes refusées}.",
  "files.result.dryRun": "Vérification seulement : rien n’a été enregistré.",
  "files.result.rows": "Lignes refusées",
  "files.result.drafts":
    "Une réponse importée qui n’avait pas encore été soumise reste un brouillon : relisez-la dans le questionnaire, puis soumettez-la pour validation.",
  "files.row": "Ligne {row} : {reason}",
  "files.back": "Retour au questionnaire",
  "files.reason.unknown_indicator":
    "indicateur inconnu ou non adressé à ce partenaire (code « {value} »).",
  "files.reason.duplicate": "l’indicateur « {value} » figure sur plusieurs lignes.",
  "files.reason.version":
    "version de réponse illisible (« {value} ») : ne modifiez pas les colonnes masquées.",
  "files.reason.contributes": "« {value} » n’est pas une réponse admise : indiquez Oui ou Non.",
  "files.reason.output_value":
    "« {value} » n’est pas un nombre : écrivez chaque résultat « valeur unité », séparés par « ; ».",
  "files.reason.output_unit": "résultat « {value} » sans unité : écrivez « valeur unité ».",
  "files.reason.evidence_url":
    "« {value} » n’est pas une adresse web : une adresse http:// ou https:// par ligne.",
  "files.reason.too_long": "texte ou liste trop long ({value}).",
  "files.reason.stale":
    "la réponse à l’indicateur « {value} » a changé depuis le téléchargement du fichier : téléchargez-le à nouveau.",
  "files.reason.closed":
    "la réponse à l’indicateur « {value} » n’est plus modifiable : la collecte est close et elle n’a pas été renvoyée pour correction.",
  "files.refused.title": "Fichier refusé",
  "files.refused.missing": "Choisissez le fichier à importer.",
  "files.refused.not_xlsx": "Ce fichier n’est pas un classeur Excel (.xlsx).",
  "files.refused.encrypted":
    "Ce fichier est protégé par un mot de passe : enregistrez-le sans mot de passe puis déposez-le à nouveau.",
  "files.refused.unreadable":
    "Ce classeur est illisible (endommagé ou protégé par un mot de passe) : enregistrez-le à nouveau en .xlsx.",
  "files.refused.not_questionnaire":
    "Ce classeur n’est pas un questionnaire téléchargé depuis Jalon.",
  "files.refused.too_large": "Ce fichier dépasse 10 Mo.",
  "files.refused.too_expanded":
    "Ce classeur est bien plus gros une fois décompressé qu’un questionnaire (plus de 20 Mo de données ou 200 parties) : il n’a pas été lu. Téléchargez à nouveau le questionnaire et remplissez-le.",
  "files.refused.too_many_rows":
    "Ce classeur a plus de 2 000 lignes : ce n’est pas un questionnaire Jalon, il n’a pas été importé.",
  "files.refused.too_slow":
    "La lecture de ce classeur a pris plus de 10 secondes : elle a été arrêtée et rien n’a été importé.",
  "files.refused.other_questionnaire":
    "Ce fichier a été fait pour un autre partenaire ou une autre période.",
  "files.refused.cycle_closed":
    "La collecte de cette période est close : le fichier n’a pas été importé.",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "files.title": "Questionnaire as an Excel file",
  "files.intro":
    "Download the questionnaire, fill it in offline, then upload it here: answers already given are in it.",
  "files.download": "Download the questionnaire (.xlsx)",
  "files.print": "To print, with the answers:",
  "files.printBlank": "blank:",
  "files.file": "Filled-in file (.xlsx, 10 MB at most)",
  "files.dryRun": "Only check, store nothing",
  "files.import": "Import the file",
  "files.result.title": "Questionnaire import",
  "files.result.counts":
    "{imported} {imported|answer|answers} added, {updated} updated, {ignored} unchanged, {rejected} {rejected|row|rows} refused.",
  "files.result.dryRun": "Check only: nothing was stored.",
  "files.result.rows": "Refused rows",
  "files.result.drafts":
    "An imported answer that had not been submitted yet stays a draft: review it in the questionnaire, then submit it for validation.",
  "files.row": "Row {row}: {reason}",
  "files.back": "Back to the questionnaire",
  "files.reason.unknown_indicator":
    "unknown indicator, or not asked of this partner (code “{value}”).",
  "files.reason.duplicate": "indicator “{value}” is on several rows.",
  "files.reason.version":
    "unreadable answer version (“{value}”): do not change the hidden columns.",
  "files.reason.contributes": "“{value}” is not an accepted answer: write Yes or No.",
  "files.reason.output_value":
    "“{value}” is not a number: write each output as “value unit”, separated by “;”.",
  "files.reason.output_unit": "output “{value}” has no unit: write “value unit”.",
  "files.reason.evidence_url":
    "“{value}” is not a web address: one http:// or https:// address per line.",
  "files.reason.too_long": "text or list too long ({value}).",
  "files.reason.stale":
    "the answer to indicator “{value}” changed since the file was downloaded: download it again.",
  "files.reason.closed":
    "the answer to indicator “{value}” can no longer be changed: collection is closed and it was not sent back for correction.",
  "files.refused.title": "File refused",
  "files.refused.missing": "Choose the file to import.",
  "files.refused.not_xlsx": "This file is not an Excel workbook (.xlsx).",
  "files.refused.encrypted":
    "This file is protected by a password: save it without a password and upload it again.",
  "files.refused.unreadable":
    "This workbook cannot be read (damaged or password-protected): save it again as .xlsx.",
  "files.refused.not_questionnaire": "This workbook is not a questionnaire downloaded from Jalon.",
  "files.refused.too_large": "This file is larger than 10 MB.",
  "files.refused.too_expanded":
    "This workbook unpacks to far more than a questionnaire (over 20 MB of data or 200 parts): it was not read. Download the questionnaire again and fill it in.",
  "files.refused.too_many_rows":
    "This workbook has more than 2,000 rows: it is not a Jalon questionnaire and was not imported.",
  "files.refused.too_slow":
    "Reading this workbook took more than 10 seconds: it was stopped and nothing was imported.",
  "files.refused.other_questionnaire": "This file was made for another partner or another cycle.",
  "files.refused.cycle_closed": "Collection for this cycle is closed: the file was not imported.",
};
