// The usage of each `jalon` command (`jalon <command> --help`), in French and English; merged
// into the command line's catalogue (i18n/cli.ts), where the catalogue test checks them.

export const fr = {
  "usage.serve": `Usage : jalon serve [--port N] [--host H] [--demo]
Démarre le serveur. Applique les migrations ; sur la base embarquée, charge la démonstration au
premier démarrage (une base PostgreSQL reste vide sans --demo) ; tant qu'aucun compte n'existe,
affiche un lien unique (valable 24 h) pour créer l'administrateur.
  --port N   port d'écoute (PORT, 3000 par défaut ; 0 : un port libre au hasard)
  --host H   adresse d'écoute (HOST, 0.0.0.0 par défaut)
  --demo     charge aussi la démonstration dans une base PostgreSQL vide`,
  "usage.migrate": `Usage : jalon migrate
Applique les migrations de la base (DATABASE_URL, sinon la base embarquée de JALON_DATA_DIR).`,
  "usage.demo": `Usage : jalon demo [--reset]
Charge le monde de démonstration Mali 2022 dans une base vide, puis ses données sanitaires
(régions, districts, CSCom, indicateurs, valeurs mensuelles 2022–2024) si aucune unité
d’organisation n’est enregistrée.
  --reset    efface d'abord les données de suivi et les données sanitaires (les comptes restent)`,
  "usage.report": `Usage : jalon report --cycle C [--format docx,pdf,html,xlsx] [--lang fr|en] [--out DOSSIER]
Écrit le rapport annuel d'une période de suivi.
  --cycle C    la période : son identifiant ou son année (obligatoire)
  --format F   formats séparés par des virgules (tous par défaut)
  --lang L     langue du rapport (fr par défaut)
  --out D      dossier où écrire les fichiers (le dossier courant par défaut)`,
  "usage.user-add": `Usage : jalon user add --email E --role R [--partner P] [--name N]
Crée un compte et affiche le lien (valable 24 h) pour choisir son mot de passe.
  --email E    adresse e-mail du compte (obligatoire)
  --role R     admin, coordinator, validator, programme_manager ou respondent (obligatoire)
  --partner P  identifiant du partenaire d'un compte respondent
  --name N     nom affiché (par défaut : le début de l'adresse)`,
  "usage.import-responses": `Usage : jalon import responses FICHIER [--dry-run]
Importe un questionnaire rempli (.xlsx) téléchargé depuis Jalon.
  --dry-run    vérifie le fichier et compte les lignes sans rien enregistrer`,
};

export const en: typeof fr = {
  "usage.serve": `Usage: jalon serve [--port N] [--host H] [--demo]
Starts the server. Applies the migrations; on the embedded database, loads the demo on first
start (a PostgreSQL database stays empty without --demo); while no account exists, prints a
one-time link (valid 24 h) to create the administrator.
  --port N   port to listen on (PORT, 3000 by default; 0: any free port)
  --host H   address to listen on (HOST, 0.0.0.0 by default)
  --demo     also load the demo into an empty PostgreSQL database`,
  "usage.migrate": `Usage: jalon migrate
Applies the database migrations (DATABASE_URL, else the embedded database in JALON_DATA_DIR).`,
  "usage.demo": `Usage: jalon demo [--reset]
Loads the Mali 2022 demo world into an empty database, then its health data (regions,
districts, CSComs, indicators, monthly values 2022–2024) if no organisation unit is stored.
  --reset    empty the tracking and health data first (accounts stay)`,
  "usage.report": `Usage: jalon report --cycle C [--format docx,pdf,html,xlsx] [--lang fr|en] [--out DIR]
Writes the annual report of a reporting cycle.
  --cycle C    the cycle: its id or its year (required)
  --format F   comma-separated formats (all by default)
  --lang L     language of the report (fr by default)
  --out D      directory to write the files into (the current one by default)`,
  "usage.user-add": `Usage: jalon user add --email E --role R [--partner P] [--name N]
Creates an account and prints the link (valid 24 h) to choose its password.
  --email E    the account's e-mail address (required)
  --role R     admin, coordinator, validator, programme_manager or respondent (required)
  --partner P  the partner's id, for a respondent account
  --name N     display name (by default: the start of the address)`,
  "usage.import-responses": `Usage: jalon import responses FILE [--dry-run]
Imports a filled-in questionnaire (.xlsx) downloaded from Jalon.
  --dry-run    checks the file and counts the rows without storing anything`,
};
