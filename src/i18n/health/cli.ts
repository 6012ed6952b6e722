// The command line's words for health data: `jalon import dhis2` and `jalon analytics`, their
// usage, results and failures, in French and English.

export const fr = {
  "usage.import-dhis2": `Usage : jalon import dhis2 FICHIER [--dry-run] [--metadata | --values]
Importe un export DHIS2 : des valeurs (dataValueSet JSON, XML, CSV ou ADX, gzippé ou non) ou des
métadonnées (JSON : unités d'organisation, éléments de données, combinaisons, indicateurs).
Le genre du fichier est reconnu ; réimporter le même fichier ne change rien.
  --dry-run   vérifie et compte sans rien enregistrer
  --metadata  lit le fichier comme des métadonnées
  --values    lit le fichier comme des valeurs
Depuis un serveur DHIS2 (API web) :
  jalon import dhis2 --server URL --data-set UID --org-unit UID --period P [--period P…]
  --server URL      adresse du serveur (http ou https ; aucune redirection vers un autre hôte)
  --data-set UID    l'ensemble de données
  --org-unit UID    l'unité de départ (ses descendantes comprises)
  --period P        période ISO (202401, 2024Q1…), répétable ou séparée par des virgules
  --since DATE      seulement les valeurs changées depuis cette date (lastUpdated)
  --with-metadata   importe d'abord le catalogue et les unités du serveur
Identifiants lus dans l'environnement, jamais sur la ligne de commande : JALON_DHIS2_TOKEN
(jeton d'accès personnel), ou JALON_DHIS2_USERNAME et JALON_DHIS2_PASSWORD.`,
  "usage.analytics": `Usage : jalon analytics "REQUÊTE"
Affiche en JSON la réponse à une requête d'analytique au format de DHIS2, par exemple
  jalon analytics "dimension=dx:CPN1_COUV&dimension=pe:202201;202202&filter=ou:RegSeg00001"
Indicateurs et éléments de données par uid ou code ; périodes ISO (mois ou plus) ; unités par uid
ou code, LEVEL-n pour un niveau à l'intérieur des unités nommées.`,
  dhis2_missing:
    "Argument {value} manquant : indiquez le fichier DHIS2 à importer, par exemple « jalon import dhis2 valeurs.json ».",
  analytics_missing:
    'Argument {value} manquant : donnez la requête, par exemple « jalon analytics "dimension=dx:CPN1&dimension=pe:2022&filter=ou:MLI" ».',
  dhis2_values_done:
    "{file} : {imported} {imported|valeur ajoutée|valeurs ajoutées}, {updated} {updated|mise à jour|mises à jour}, {deleted} {deleted|supprimée|supprimées}, {ignored} {ignored|inchangée|inchangées}, {rejected} {rejected|ligne refusée|lignes refusées}.",
  dhis2_metadata_done:
    "{file} (métadonnées) : {imported} {imported|objet ajouté|objets ajoutés}, {updated} {updated|mis à jour|mis à jour}, {ignored} {ignored|inchangé|inchangés}, {rejected} {rejected|refusé|refusés}.",
  dhis2_metadata_row: "  {collection} n° {row} ({id}) : {reason}",
  dhis2_rows_not_listed:
    "  … et {count} {count|autre ligne refusée|autres lignes refusées} (la liste s'arrête après {listed}).",
  dhis2_progress: "{read} {read|valeur lue|valeurs lues}…",
  dhis2_unreadable: "Impossible de lire le fichier {file} : vérifiez son chemin et ses droits.",
  analytics_refused: "Requête refusée : {reason}",
  "usage.import-units": `Usage : jalon import org-units FICHIER [--dry-run]
Importe des unités d'organisation d'un fichier CSV (séparateur virgule, point-virgule ou
tabulation ; en-têtes en français ou en anglais) : code, nom, code parent (vide pour la racine),
et au choix niveau (numéro ou nom), uid DHIS2, latitude et longitude ou géométrie GeoJSON, date
d'ouverture, date de fermeture. Les parents peuvent venir après leurs enfants ; une unité déjà
enregistrée (même uid, sinon même code) est mise à jour, et déplacée si son parent change.
  --dry-run   vérifie et compte sans rien enregistrer`,
  units_done:
    "{file} (unités) : {imported} {imported|unité ajoutée|unités ajoutées}, {updated} {updated|mise à jour|mises à jour} (dont {moved} {moved|déplacée|déplacées}), {ignored} {ignored|inchangée|inchangées}, {rejected} {rejected|ligne refusée|lignes refusées}.",
  units_row: "  ligne {row} ({code}) : {reason}",
  demo_health_loaded:
    "Données sanitaires de démonstration chargées : {units} {units|unité d’organisation|unités d’organisation}, {values} {values|valeur mensuelle|valeurs mensuelles}, {indicators} {indicators|indicateur|indicateurs}.",
  demo_health_skipped:
    "La base contient déjà des unités d’organisation : données sanitaires de démonstration non chargées.",
  demo_programme_loaded:
    "Programme de démonstration chargé : {programmes} {programmes|programme|programmes}, {midwives} {midwives|sage-femme|sages-femmes}, {deployments} {deployments|affectation|affectations}, {missions} {missions|mission de suivi|missions de suivi}, {testimonials} {testimonials|témoignage|témoignages}.",
};

export const en: Record<keyof typeof fr, string> = {
  "usage.import-dhis2": `Usage: jalon import dhis2 FILE [--dry-run] [--metadata | --values]
Imports a DHIS2 export: values (dataValueSet JSON, XML, CSV or ADX, gzipped or not) or metadata
(JSON: organisation units, data elements, combos, indicators). The kind of file is recognised;
importing the same file again changes nothing.
  --dry-run   checks and counts without storing anything
  --metadata  reads the file as metadata
  --values    reads the file as values
From a DHIS2 server (Web API):
  jalon import dhis2 --server URL --data-set UID --org-unit UID --period P [--period P…]
  --server URL      the server's address (http or https; no redirect to another host)
  --data-set UID    the data set
  --org-unit UID    the starting unit (its descendants included)
  --period P        an ISO period (202401, 2024Q1…), repeated or comma-separated
  --since DATE      only values changed since this date (lastUpdated)
  --with-metadata   imports the server's catalogue and units first
Credentials are read from the environment, never from the command line: JALON_DHIS2_TOKEN
(a personal access token), or JALON_DHIS2_USERNAME and JALON_DHIS2_PASSWORD.`,
  "usage.analytics": `Usage: jalon analytics "QUERY"
Prints as JSON the answer to an analytics query in DHIS2's format, for example
  jalon analytics "dimension=dx:CPN1_COUV&dimension=pe:202201;202202&filter=ou:RegSeg00001"
Indicators and data elements by uid or code; ISO periods (a month or longer); units by uid or
code, LEVEL-n for a level inside the units named.`,
  dhis2_missing:
    "Missing argument {value}: give the DHIS2 file to import, e.g. “jalon import dhis2 values.json”.",
  analytics_missing:
    'Missing argument {value}: give the query, e.g. “jalon analytics "dimension=dx:CPN1&dimension=pe:2022&filter=ou:MLI"”.',
  dhis2_values_done:
    "{file}: {imported} {imported|value added|values added}, {updated} updated, {deleted} deleted, {ignored} unchanged, {rejected} {rejected|row refused|rows refused}.",
  dhis2_metadata_done:
    "{file} (metadata): {imported} {imported|object added|objects added}, {updated} updated, {ignored} unchanged, {rejected} refused.",
  dhis2_metadata_row: "  {collection} no. {row} ({id}): {reason}",
  dhis2_rows_not_listed:
    "  … and {count} {count|other row refused|other rows refused} (the list stops after {listed}).",
  dhis2_progress: "{read} {read|value read|values read}…",
  dhis2_unreadable: "Cannot read the file {file}: check its path and permissions.",
  analytics_refused: "Query refused: {reason}",
  "usage.import-units": `Usage: jalon import org-units FILE [--dry-run]
Imports organisation units from a CSV file (comma, semicolon or tab separated; headers in French
or English): code, name, parent code (empty for the root), and optionally level (number or
name), DHIS2 uid, latitude and longitude or a GeoJSON geometry, opening date, closing date.
Parents may come after their children; a unit already stored (same uid, else same code) is
updated, and moved when its parent changes.
  --dry-run   check and count without storing anything`,
  units_done:
    "{file} (units): {imported} {imported|unit added|units added}, {updated} updated (moved: {moved}), {ignored} unchanged, {rejected} {rejected|row refused|rows refused}.",
  units_row: "  row {row} ({code}): {reason}",
  demo_health_loaded:
    "Demo health data loaded: {units} {units|organisation unit|organisation units}, {values} {values|monthly value|monthly values}, {indicators} {indicators|indicator|indicators}.",
  demo_health_skipped:
    "The database already holds organisation units: demo health data not loaded.",
  demo_programme_loaded:
    "Demo programme loaded: {programmes} {programmes|programme|programmes}, {midwives} {midwives|midwife|midwives}, {deployments} {deployments|deployment|deployments}, {missions} {missions|monitoring mission|monitoring missions}, {testimonials} {testimonials|testimonial|testimonials}.",
};
