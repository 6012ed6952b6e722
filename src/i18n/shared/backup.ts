// The words of `jalon backup` and `jalon restore`, in French and English.
export const fr = {
  "usage.backup": `Usage : jalon backup FICHIER
  Écrit une sauvegarde de toute la base (embarquée ou PostgreSQL) dans FICHIER, pendant que le
  serveur tourne : un instantané cohérent, compressé, avec la version de Jalon et du schéma.
  Exemple : jalon backup sauvegardes/jalon-2026-12-03.jalon.gz`,
  "usage.restore": `Usage : jalon restore FICHIER [--force]
  Restaure une sauvegarde faite par « jalon backup », sur la base embarquée ou PostgreSQL (de
  l'une vers l'autre pour changer de serveur). Le fichier est vérifié en entier avant tout
  changement.
  --force      remplace une base qui contient déjà des données (sinon, refusé sans rien changer)`,
  backup_missing:
    "Fichier manquant : indiquez où écrire la sauvegarde, ou laquelle restaurer, par exemple « jalon backup jalon-2026-12-03.jalon.gz ».",
  backup_exists:
    "Le fichier {file} existe déjà : choisissez un autre nom (une sauvegarde n'en écrase jamais une autre).",
  backup_unwritable:
    "Impossible d'écrire {file} : vérifiez que le dossier existe et est accessible en écriture.",
  backup_done:
    "Sauvegarde écrite : {file} ({tables} {tables|table|tables}, {rows} {rows|ligne|lignes}, {size}, schéma {schema}).",
  restore_unreadable: "Impossible de lire le fichier {file} : vérifiez son chemin et ses droits.",
  "restore.not_a_backup":
    "Fichier {file} refusé : ce n'est pas une sauvegarde de Jalon (rien n'a été modifié).",
  "restore.corrupted":
    "Fichier {file} refusé : il est abîmé ou incomplet (rien n'a été modifié). Reprenez une autre sauvegarde.",
  "restore.newer":
    "Fichier {file} refusé : il a été fait par une version plus récente de Jalon ({version}, schéma {schema}). Mettez Jalon à jour, puis recommencez (rien n'a été modifié).",
  "restore.not_empty":
    "La base contient déjà {rows} {rows|ligne|lignes} : rien n'a été modifié. Pour la remplacer par la sauvegarde, relancez avec --force.",
  restore_done:
    "Sauvegarde restaurée : {file} ({tables} {tables|table|tables}, {rows} {rows|ligne|lignes}, schéma {schema}, faite le {created}).",
  restore_migrated: "Migrations appliquées depuis : {list}.",
};

export const en: Record<keyof typeof fr, string> = {
  "usage.backup": `Usage: jalon backup FILE
  Writes a backup of the whole database (embedded or PostgreSQL) to FILE while the server runs:
  one consistent snapshot, compressed, with Jalon's and the schema's versions.
  Example: jalon backup backups/jalon-2026-12-03.jalon.gz`,
  "usage.restore": `Usage: jalon restore FILE [--force]
  Restores a backup made by “jalon backup”, on the embedded database or PostgreSQL (from one to
  the other to move servers). The whole file is checked before anything changes; a database
  that already holds data is left alone.
  --force      replace a database that already holds data (refused otherwise, nothing changed)`,
  backup_missing:
    "Missing file: say where to write the backup, or which one to restore, for example “jalon backup jalon-2026-12-03.jalon.gz”.",
  backup_exists:
    "The file {file} already exists: choose another name (a backup never overwrites another).",
  backup_unwritable: "Cannot write {file}: check that its folder exists and is writable.",
  backup_done:
    "Backup written: {file} ({tables} {tables|table|tables}, {rows} {rows|row|rows}, {size}, schema {schema}).",
  restore_unreadable: "Cannot read the file {file}: check its path and permissions.",
  "restore.not_a_backup": "File {file} refused: it is not a Jalon backup (nothing was changed).",
  "restore.corrupted":
    "File {file} refused: it is damaged or incomplete (nothing was changed). Use another backup.",
  "restore.newer":
    "File {file} refused: a newer Jalon made it ({version}, schema {schema}). Upgrade Jalon, then try again (nothing was changed).",
  "restore.not_empty":
    "The database already holds {rows} {rows|row|rows}: nothing was changed. To replace it with the backup, run again with --force.",
  restore_done:
    "Backup restored: {file} ({tables} {tables|table|tables}, {rows} {rows|row|rows}, schema {schema}, made on {created}).",
  restore_migrated: "Migrations applied since: {list}.",
};
