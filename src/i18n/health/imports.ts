// The health-data import pages: the upload form, the list of recent imports, and one import’s
// progress and summary, in French and English.

export const fr = {
  "himp.title": "Importer des données de santé",
  "himp.intro":
    "Déposez un export DHIS2 : des valeurs (dataValueSet en JSON, XML, CSV ou ADX, gzippé ou non) ou des métadonnées (JSON) ; ou, sans DHIS2, un CSV d’unités d’organisation ou les valeurs d’une structure en CSV ou XLSX (modèles ci-dessous). L’import se poursuit même si vous quittez la page ; réimporter le même fichier ne change rien.",
  "himp.file": "Fichier (200 Mo au plus ; un .json.gz est bien plus léger)",
  "himp.kind": "Contenu du fichier",
  "himp.kind.auto": "Reconnaître automatiquement",
  "himp.kind.values": "Des valeurs DHIS2",
  "himp.kind.metadata": "Des métadonnées DHIS2",
  "himp.dryRun": "Vérifier seulement, sans rien enregistrer",
  "himp.submit": "Importer",
  "himp.missing": "Choisissez un fichier à importer.",
  "himp.recent": "Imports récents",
  "himp.none": "Aucun import pour l’instant.",
  "himp.state.queued": "en attente",
  "himp.state.running": "en cours",
  "himp.state.done": "terminé",
  "himp.state.refused": "fichier refusé",
  "himp.state.failed": "échec",
  "himp.job.title": "Import de {name}",
  "himp.job.queued": "L’import va commencer. Cette page se met à jour toute seule.",
  "himp.job.running":
    "{values} {values|valeur lue|valeurs lues} pour l’instant. Cette page se met à jour toute seule ; vous pouvez la quitter.",
  "himp.job.refused": "Le fichier a été refusé : {reason}",
  "himp.job.failed":
    "L’import a échoué et n’a rien enregistré. Réessayez ; si l’échec se répète, transmettez ce fichier à l’administrateur.",
  "himp.job.dryRun": "Vérification seulement : rien n’a été enregistré.",
  "himp.sum.imported": "ajoutées",
  "himp.sum.updated": "mises à jour",
  "himp.sum.deleted": "supprimées",
  "himp.sum.ignored": "inchangées",
  "himp.sum.rejected": "refusées",
  "himp.sum.metadata":
    "Métadonnées : {imported} {imported|objet ajouté|objets ajoutés}, {updated} {updated|mis à jour|mis à jour}, {ignored} {ignored|inchangé|inchangés}.",
  "himp.rows": "Lignes refusées",
  "himp.row": "Ligne",
  "himp.reason": "Raison",
  "himp.rowsNotListed": "… et {count} {count|autre ligne refusée|autres lignes refusées}.",
  "himp.back": "Retour aux imports",
};

export const en: Record<keyof typeof fr, string> = {
  "himp.title": "Import health data",
  "himp.intro":
    "Upload a DHIS2 export: values (a dataValueSet as JSON, XML, CSV or ADX, gzipped or not) or metadata (JSON); or, without DHIS2, a CSV of organisation units or a facility’s values as CSV or XLSX (templates below). The import goes on even if you leave the page; importing the same file again changes nothing.",
  "himp.file": "File (200 MB at most; a .json.gz is much lighter)",
  "himp.kind": "What the file holds",
  "himp.kind.auto": "Recognise it",
  "himp.kind.values": "DHIS2 values",
  "himp.kind.metadata": "DHIS2 metadata",
  "himp.dryRun": "Check only, store nothing",
  "himp.submit": "Import",
  "himp.missing": "Choose a file to import.",
  "himp.recent": "Recent imports",
  "himp.none": "No import yet.",
  "himp.state.queued": "waiting",
  "himp.state.running": "running",
  "himp.state.done": "done",
  "himp.state.refused": "file refused",
  "himp.state.failed": "failed",
  "himp.job.title": "Import of {name}",
  "himp.job.queued": "The import is about to start. This page updates itself.",
  "himp.job.running":
    "{values} {values|value read|values read} so far. This page updates itself; you may leave it.",
  "himp.job.refused": "The file was refused: {reason}",
  "himp.job.failed":
    "The import failed and stored nothing. Try again; if it keeps failing, send the file to the administrator.",
  "himp.job.dryRun": "Check only: nothing was stored.",
  "himp.sum.imported": "added",
  "himp.sum.updated": "updated",
  "himp.sum.deleted": "deleted",
  "himp.sum.ignored": "unchanged",
  "himp.sum.rejected": "refused",
  "himp.sum.metadata":
    "Metadata: {imported} {imported|object added|objects added}, {updated} updated, {ignored} unchanged.",
  "himp.rows": "Refused rows",
  "himp.row": "Row",
  "himp.reason": "Reason",
  "himp.rowsNotListed": "… and {count} {count|other row refused|other rows refused}.",
  "himp.back": "Back to imports",
};
