// Messages of account administration.
export const fr = {
  "users.title": "Comptes",
  "users.intro":
    "Un compte de répondant est rattaché à une seule organisation. Le nouveau compte reçoit un lien pour choisir son mot de passe.",
  "users.name": "Nom",
  "users.role": "Rôle",
  "users.partner": "Organisation (répondants seulement)",
  "users.none": "—",
  "users.add": "Créer le compte",
  "users.created": "Compte créé. Lien à transmettre (valable 24 h) : {url}",
  "users.disable": "Désactiver",
  "users.disabled": "désactivé",
  "users.disabledDone": "Compte désactivé : ses sessions et ses liens d’invitation sont fermés.",
  "users.exists": "Cette adresse a déjà un compte.",
  "users.partnerNeeded": "Choisissez l’organisation du répondant dans la liste.",
  "users.partnerNotAllowed":
    "Seul un compte de répondant est rattaché à une organisation : laissez « — » pour ce rôle.",
  "users.error.emailRequired": "Indiquez l’adresse e-mail du compte.",
  "users.error.name": "Indiquez le nom de la personne.",
  "role.admin": "Administrateur",
  "role.coordinator": "Coordinateur",
  "role.validator": "Validateur",
  "role.programme_manager": "Gestionnaire de programme",
  "role.respondent": "Répondant",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "users.title": "Accounts",
  "users.intro":
    "A respondent account belongs to one organisation only. The new account gets a link to choose its password.",
  "users.name": "Name",
  "users.role": "Role",
  "users.partner": "Organisation (respondents only)",
  "users.none": "—",
  "users.add": "Create the account",
  "users.created": "Account created. Link to pass on (valid 24 h): {url}",
  "users.disable": "Disable",
  "users.disabled": "disabled",
  "users.disabledDone": "Account disabled: its sessions and invitation links are closed.",
  "users.exists": "This address already has an account.",
  "users.partnerNeeded": "Choose the respondent's organisation from the list.",
  "users.partnerNotAllowed":
    "Only a respondent account belongs to an organisation: leave “—” for this role.",
  "users.error.emailRequired": "Give the account's e-mail address.",
  "users.error.name": "Give the person's name.",
  "role.admin": "Administrator",
  "role.coordinator": "Coordinator",
  "role.validator": "Validator",
  "role.programme_manager": "Programme manager",
  "role.respondent": "Respondent",
};
