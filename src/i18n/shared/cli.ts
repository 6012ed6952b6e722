// The command line's messages in French and English: each failure names its cause and its fix
// on one line. Each command's usage is in cli-help.ts.
export const fr = {
  usage: `Usage : jalon <commande>
  serve [--port N] [--host H] [--demo]  démarre le serveur (base embarquée : charge la démo au premier démarrage)
  migrate                      applique les migrations de la base
  demo [--reset]               charge le monde de démonstration Mali 2022 (--reset : efface d'abord)
  report --cycle C [--format docx,pdf,html,xlsx] [--lang fr|en] [--out DOSSIER]
                               écrit le rapport annuel de la période C (identifiant ou année)
  user add --email E --role R [--partner P] [--name N]
                               crée un compte (admin, coordinator, validator, programme_manager,
                               respondent avec --partner) et affiche le lien pour choisir son mot de passe
  import responses FICHIER [--dry-run]
                               importe un questionnaire rempli (.xlsx) téléchargé depuis Jalon
                               (--dry-run : vérifie sans rien enregistrer)
  import dhis2 FICHIER [--dry-run]
                               importe un export DHIS2 (valeurs JSON, XML, CSV, ADX, ou métadonnées)
  import org-units FICHIER [--dry-run]
                               importe des unités d'organisation d'un CSV (code, nom, code parent, niveau)
  import midwives FICHIER --programme ID [--dry-run]
                               importe le registre des sages-femmes d'un CSV ou XLSX dans un programme
  analytics "REQUÊTE"          répond en JSON à une requête d'analytique au format de DHIS2
  backup FICHIER               sauvegarde toute la base dans FICHIER, serveur en marche
  restore FICHIER [--force]    restaure une sauvegarde (vérifiée en entier avant tout changement)
Aide d'une commande : jalon <commande> --help
Configuration : PORT, HOST, DATABASE_URL (PostgreSQL), JALON_DATA_DIR (base embarquée, ./data par défaut), JALON_BASE_URL (adresse publique dans les liens envoyés)`,
  unknown_command:
    "Commande inconnue « {value} ». Commandes : serve, migrate, demo, report, user add, import responses, import dhis2, import org-units, import midwives, analytics, backup, restore (voir « jalon help »).",
  bad_flag: "Option invalide « {value} » pour « jalon {command} » (voir « jalon help »).",
  bad_port:
    "Port invalide « {value} » : indiquez un nombre entre 0 (port libre au hasard) et 65535.",
  bad_env:
    "Variable d'environnement {variable} invalide (« {value} ») : corrigez-la ou retirez-la.",
  invalid_url:
    "DATABASE_URL invalide ({target}) : attendu postgres://utilisateur@hôte:5432/base ; corrigez-la, ou retirez-la pour utiliser la base embarquée.",
  unreachable:
    "PostgreSQL injoignable ({target}) : vérifiez que le serveur tourne et que l'hôte et le port de DATABASE_URL sont justes.",
  auth_failed:
    "PostgreSQL refuse l'identification ({target}) : vérifiez l'utilisateur et le mot de passe de DATABASE_URL.",
  database_missing:
    "La base de DATABASE_URL n'existe pas ({target}) : créez-la (createdb) ou corrigez DATABASE_URL.",
  data_dir_unwritable:
    "Le dossier de données {target} n'est pas accessible en écriture : corrigez ses droits ou choisissez-en un autre avec JALON_DATA_DIR.",
  data_dir_invalid:
    "Le dossier de données {target} ne contient pas une base lisible : indiquez un dossier vide ou un dossier Jalon avec JALON_DATA_DIR.",
  data_dir_locked:
    "Le dossier de données {target} est déjà utilisé par un autre processus Jalon : arrêtez-le ou choisissez un autre dossier avec JALON_DATA_DIR.",
  port_in_use:
    "Le port {port} est déjà utilisé : arrêtez l'autre programme ou choisissez un autre port avec --port ou PORT.",
  port_denied:
    "Le port {port} est réservé : choisissez un port au-dessus de 1024 avec --port ou PORT.",
  listening: "Jalon est prêt : {url} (base : {database})",
  setup_link:
    "Aucun compte pour l'instant : ouvrez ce lien pour créer l'administrateur (une seule fois, valable 24 h) : {url}",
  already_serving:
    "Jalon tourne déjà sur ce dossier de données ({url}) : arrêtez-le d'abord, ou choisissez un autre dossier avec JALON_DATA_DIR.",
  channel_lost:
    "Le serveur Jalon s'est arrêté avant la fin de la commande : vérifiez son journal, puis relancez-la.",
  channel_unavailable:
    "Canal des commandes indisponible ({target}) : tant que le serveur tourne, les commandes jalon sur ce dossier seront refusées.",
  base_url_required:
    "JALON_BASE_URL manquante : en production (cookies sécurisés), indiquez l'adresse publique de Jalon, par exemple JALON_BASE_URL=https://jalon.exemple.org.",
  migrated: "Migrations appliquées : {list}.",
  up_to_date: "La base est à jour.",
  schema_newer:
    "Cette base a été mise à jour par une version plus récente de Jalon (migrations inconnues de celle-ci : {list}) : installez cette version plus récente, ou restaurez une sauvegarde faite avant la mise à jour.",
  migration_failed:
    "La migration {name} a échoué : {message}. Aucune migration de cette mise à jour n'a été gardée : la base est restée telle qu'elle était. Gardez la version précédente de Jalon en service, et signalez ce message.",
  demo_loaded:
    "Démonstration chargée : {partners} {partners|partenaire|partenaires}, {commitments} {commitments|engagement|engagements}, {indicators} {indicators|indicateur|indicateurs}, {responses} {responses|réponse|réponses}.",
  demo_skipped:
    "La base contient déjà des données : démonstration non chargée (utilisez --reset pour la recharger).",
  demo_hint:
    "Pages publiques ouvertes à tous ; pour l'espace de travail, créez un compte : npx jalon user add --email vous@exemple.org --role admin",
  database_embedded: "embarquée, {dir}",
  database_postgres: "PostgreSQL, {url}",
  unexpected: "Erreur inattendue : {message}",
  report_missing:
    "Option {value} manquante : indiquez la période du rapport, par exemple « jalon report --cycle 2022 ».",
  report_format: "Format de rapport inconnu « {value} » : choisissez parmi {formats}.",
  report_lang: "Langue de rapport inconnue « {value} » : choisissez fr ou en.",
  user_missing: "Option {value} manquante pour « jalon user add » (voir « jalon help »).",
  user_created:
    "Compte créé : {email} ({role}). Pour choisir le mot de passe, ouvrez ce lien (valable 24 h) : {url}",
  user_invalid: "Compte non créé : {field} invalide ({value}).",
  user_exists: "Compte non créé : l'adresse {value} a déjà un compte.",
  report_cycle:
    "Aucune période de suivi « {value} » : indiquez l'identifiant ou l'année d'une période existante.",
  report_out:
    "Impossible d'écrire dans le dossier {target} : vérifiez qu'il existe et qu'il est accessible en écriture, ou choisissez-en un autre avec --out.",
  report_written: "Rapport écrit : {file}",
  import_missing:
    "Argument {value} manquant : indiquez le questionnaire à importer, par exemple « jalon import responses psi-2023.xlsx ».",
  import_unreadable: "Impossible de lire le fichier {file} : vérifiez son chemin et ses droits.",
  import_refused: "Fichier {file} refusé : {reason}",
  import_not_found:
    "Fichier {file} refusé : la période ou le partenaire qu'il nomme n'existe pas ({value}).",
  import_done:
    "{file} ({cycle}, {partner}) : {imported} {imported|réponse ajoutée|réponses ajoutées}, {updated} {updated|mise à jour|mises à jour}, {ignored} {ignored|inchangée|inchangées}, {rejected} {rejected|ligne refusée|lignes refusées}.",
  import_dry_run: "Vérification seulement (--dry-run) : rien n'a été enregistré.",
  import_row: "  ligne {row} : {reason}",
  "refused.too_large": "il dépasse 10 Mo.",
  "refused.too_expanded":
    "il se décompresse en bien plus qu'un questionnaire (plus de 20 Mo ou 200 parties).",
  "refused.too_many_rows": "il a plus de 2 000 lignes : ce n'est pas un questionnaire Jalon.",
  "refused.too_slow": "sa lecture a dépassé 10 secondes et a été arrêtée.",
  "refused.not_xlsx": "ce n'est pas un classeur Excel (.xlsx).",
  "refused.encrypted": "il est protégé par un mot de passe ; enregistrez-le sans mot de passe.",
  "refused.unreadable": "classeur illisible (endommagé ou protégé par un mot de passe).",
  "refused.not_questionnaire": "ce n'est pas un questionnaire téléchargé depuis Jalon.",
  "refused.other_questionnaire": "il a été fait pour un autre partenaire ou une autre période.",
  "refused.cycle_closed": "la collecte de sa période est close.",
  "reason.unknown_indicator": "indicateur inconnu ou non adressé à ce partenaire (« {value} »).",
  "reason.duplicate": "l'indicateur « {value} » figure sur plusieurs lignes.",
  "reason.version": "version de réponse illisible (« {value} »).",
  "reason.contributes": "« {value} » n'est pas une réponse admise (Oui ou Non).",
  "reason.output_value": "« {value} » n'est pas un nombre (résultat « valeur unité »).",
  "reason.output_unit": "résultat « {value} » sans unité.",
  "reason.evidence_url": "« {value} » n'est pas une adresse http:// ou https://.",
  "reason.too_long": "texte ou liste trop long ({value}).",
  "reason.stale": "la réponse à « {value} » a changé depuis le téléchargement du fichier.",
  "reason.closed": "la réponse à « {value} » n'est plus modifiable (collecte close).",
};

export const en: Record<keyof typeof fr, string> = {
  usage: `Usage: jalon <command>
  serve [--port N] [--host H] [--demo]  start the server (embedded database: loads the demo on first start)
  migrate                      apply the database migrations
  demo [--reset]               load the Mali 2022 demo world (--reset: empty the database first)
  report --cycle C [--format docx,pdf,html,xlsx] [--lang fr|en] [--out DIR]
                               write the annual report of cycle C (its id or its year)
  user add --email E --role R [--partner P] [--name N]
                               create an account (admin, coordinator, validator, programme_manager,
                               respondent with --partner) and print the link to choose its password
  import responses FILE [--dry-run]
                               import a filled-in questionnaire (.xlsx) downloaded from Jalon
                               (--dry-run: check without storing anything)
  import dhis2 FILE [--dry-run]
                               import a DHIS2 export (values as JSON, XML, CSV, ADX, or metadata)
  import org-units FILE [--dry-run]
                               import organisation units from a CSV (code, name, parent code, level)
  import midwives FILE --programme ID [--dry-run]
                               import the midwife register from a CSV or XLSX into a programme
  analytics "QUERY"            answer a DHIS2-style analytics query as JSON
  backup FILE                  back up the whole database to FILE, with the server running
  restore FILE [--force]       restore a backup (checked whole before anything changes)
Help on a command: jalon <command> --help
Configuration: PORT, HOST, DATABASE_URL (PostgreSQL), JALON_DATA_DIR (embedded database, ./data by default), JALON_BASE_URL (public address in links sent out)`,
  unknown_command:
    "Unknown command “{value}”. Commands: serve, migrate, demo, report, user add, import responses, import dhis2, import org-units, import midwives, analytics, backup, restore (see “jalon help”).",
  bad_flag: "Invalid option “{value}” for “jalon {command}” (see “jalon help”).",
  bad_port: "Invalid port “{value}”: give a number between 0 (any free port) and 65535.",
  bad_env: "Invalid environment variable {variable} (“{value}”): fix it or unset it.",
  invalid_url:
    "Invalid DATABASE_URL ({target}): expected postgres://user@host:5432/database; fix it, or unset it to use the embedded database.",
  unreachable:
    "PostgreSQL unreachable ({target}): check that the server is running and that the host and port in DATABASE_URL are right.",
  auth_failed:
    "PostgreSQL rejected the login ({target}): check the user and password in DATABASE_URL.",
  database_missing:
    "The database in DATABASE_URL does not exist ({target}): create it (createdb) or fix DATABASE_URL.",
  data_dir_unwritable:
    "The data directory {target} is not writable: fix its permissions or choose another one with JALON_DATA_DIR.",
  data_dir_invalid:
    "The data directory {target} does not hold a readable database: give an empty directory or a Jalon one with JALON_DATA_DIR.",
  data_dir_locked:
    "The data directory {target} is in use by another Jalon process: stop it or choose another directory with JALON_DATA_DIR.",
  port_in_use:
    "Port {port} is already in use: stop the other program or choose another port with --port or PORT.",
  port_denied: "Port {port} is reserved: choose a port above 1024 with --port or PORT.",
  listening: "Jalon is ready: {url} (database: {database})",
  setup_link:
    "No account yet: open this link to create the administrator (once only, valid 24 h): {url}",
  already_serving:
    "Jalon already runs on this data directory ({url}): stop it first, or choose another directory with JALON_DATA_DIR.",
  channel_lost:
    "The Jalon server stopped before the command finished: check its log, then run the command again.",
  channel_unavailable:
    "Command channel unavailable ({target}): while the server runs, jalon commands on this data directory will be refused.",
  base_url_required:
    "JALON_BASE_URL is missing: in production (secure cookies), give Jalon's public address, for example JALON_BASE_URL=https://jalon.example.org.",
  migrated: "Migrations applied: {list}.",
  up_to_date: "The database is up to date.",
  schema_newer:
    "This database was upgraded by a newer release of Jalon (migrations this one does not know: {list}): install that newer release, or restore a backup made before the upgrade.",
  migration_failed:
    "Migration {name} failed: {message}. No migration of this upgrade was kept: the database is as it was. Keep the previous release of Jalon running, and report this message.",
  demo_loaded:
    "Demo loaded: {partners} {partners|partner|partners}, {commitments} {commitments|commitment|commitments}, {indicators} {indicators|indicator|indicators}, {responses} {responses|response|responses}.",
  demo_hint:
    "Public pages are open to all; for the workspace, create an account: npx jalon user add --email you@example.org --role admin",
  demo_skipped: "The database already holds data: demo not loaded (use --reset to reload it).",
  database_embedded: "embedded, {dir}",
  database_postgres: "PostgreSQL, {url}",
  unexpected: "Unexpected error: {message}",
  report_missing:
    "Missing option {value}: name the report's cycle, for example “jalon report --cycle 2022”.",
  report_format: "Unknown report format “{value}”: choose among {formats}.",
  report_lang: "Unknown report language “{value}”: choose fr or en.",
  user_missing: "Missing option {value} for “jalon user add” (see “jalon help”).",
  user_created:
    "Account created: {email} ({role}). To choose the password, open this link (valid 24 h): {url}",
  user_invalid: "Account not created: invalid {field} ({value}).",
  user_exists: "Account not created: the address {value} already has an account.",
  report_cycle: "No reporting cycle “{value}”: give the id or the year of an existing cycle.",
  report_out:
    "Cannot write to the directory {target}: check that it exists and is writable, or choose another one with --out.",
  report_written: "Report written: {file}",
  import_missing:
    "Missing argument {value}: name the questionnaire to import, for example “jalon import responses psi-2023.xlsx”.",
  import_unreadable: "Cannot read the file {file}: check its path and permissions.",
  import_refused: "File {file} refused: {reason}",
  import_not_found: "File {file} refused: the cycle or partner it names does not exist ({value}).",
  import_done:
    "{file} ({cycle}, {partner}): {imported} {imported|answer|answers} added, {updated} updated, {ignored} unchanged, {rejected} {rejected|row|rows} refused.",
  import_dry_run: "Check only (--dry-run): nothing was stored.",
  import_row: "  row {row}: {reason}",
  "refused.too_large": "it is larger than 10 MB.",
  "refused.too_expanded": "it unpacks to far more than a questionnaire (over 20 MB or 200 parts).",
  "refused.too_many_rows": "it has more than 2,000 rows: not a Jalon questionnaire.",
  "refused.too_slow": "reading it took more than 10 seconds and was stopped.",
  "refused.not_xlsx": "it is not an Excel workbook (.xlsx).",
  "refused.encrypted": "it is protected by a password; save it without one.",
  "refused.unreadable": "unreadable workbook (damaged or password-protected).",
  "refused.not_questionnaire": "it is not a questionnaire downloaded from Jalon.",
  "refused.other_questionnaire": "it was made for another partner or another cycle.",
  "refused.cycle_closed": "collection for its cycle is closed.",
  "reason.unknown_indicator": "unknown indicator, or not asked of this partner (“{value}”).",
  "reason.duplicate": "indicator “{value}” is on several rows.",
  "reason.version": "unreadable answer version (“{value}”).",
  "reason.contributes": "“{value}” is not an accepted answer (Yes or No).",
  "reason.output_value": "“{value}” is not a number (output “value unit”).",
  "reason.output_unit": "output “{value}” has no unit.",
  "reason.evidence_url": "“{value}” is not an http:// or https:// address.",
  "reason.too_long": "text or list too long ({value}).",
  "reason.stale": "the answer to “{value}” changed since the file was downloaded.",
  "reason.closed": "the answer to “{value}” can no longer be changed (collection closed).",
};
