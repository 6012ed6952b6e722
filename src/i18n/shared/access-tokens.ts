// Messages of the personal access tokens page: making one (its secret shown once), the list,
// revoking one.
export const fr = {
  "tok.title": "Jetons d’accès personnels",
  "tok.intro":
    "Un jeton permet à un outil ou un script (client DHIS2, tableur, Power BI) d’interroger l’API d’analyse de Jalon en votre nom, avec vos droits, sans votre mot de passe. Il s’envoie dans l’en-tête « Authorization: ApiToken <jeton> », comme un jeton DHIS2.",
  "tok.new": "Nouveau jeton",
  "tok.name": "Nom (pour le reconnaître : l’outil, la machine)",
  "tok.days": "Valable",
  "tok.days.option": "{days} {days|jour|jours}",
  "tok.create": "Créer le jeton",
  "tok.created":
    "Jeton « {name} » créé. Copiez-le maintenant : il ne sera plus jamais affiché. Jalon n’en garde qu’une empreinte.",
  "tok.secretLabel": "Votre jeton",
  "tok.usage": "Exemple :",
  "tok.list": "Vos jetons",
  "tok.none": "Aucun jeton pour l’instant.",
  "tok.createdOn": "créé le {date}",
  "tok.expiresOn": "expire le {date}",
  "tok.expiredOn": "expiré le {date}",
  "tok.revokedOn": "révoqué le {date}",
  "tok.lastUsed": "dernière utilisation le {date}",
  "tok.neverUsed": "jamais utilisé",
  "tok.revoke": "Révoquer",
  "tok.revoked": "Jeton révoqué : il ne donne plus accès à rien.",
  "tok.error.name": "Donnez un nom au jeton.",
  "tok.error.tooMany":
    "Vous avez déjà {max} {max|jeton valable|jetons valables} : révoquez-en un avant d’en créer un autre.",
  "tok.error.days": "Choisissez une durée dans la liste.",
};

export const en: Record<keyof typeof fr, string> = {
  "tok.title": "Personal access tokens",
  "tok.intro":
    "A token lets a tool or a script (a DHIS2 client, a spreadsheet, Power BI) query Jalon’s analytics API on your behalf, with your rights, without your password. It goes in the header “Authorization: ApiToken <token>”, like a DHIS2 token.",
  "tok.new": "New token",
  "tok.name": "Name (to recognise it: the tool, the machine)",
  "tok.days": "Valid for",
  "tok.days.option": "{days} {days|day|days}",
  "tok.create": "Create the token",
  "tok.created":
    "Token “{name}” created. Copy it now: it will never be shown again. Jalon keeps only a fingerprint of it.",
  "tok.secretLabel": "Your token",
  "tok.usage": "Example:",
  "tok.list": "Your tokens",
  "tok.none": "No token yet.",
  "tok.createdOn": "created on {date}",
  "tok.expiresOn": "expires on {date}",
  "tok.expiredOn": "expired on {date}",
  "tok.revokedOn": "revoked on {date}",
  "tok.lastUsed": "last used on {date}",
  "tok.neverUsed": "never used",
  "tok.revoke": "Revoke",
  "tok.revoked": "Token revoked: it no longer gives access to anything.",
  "tok.error.name": "Give the token a name.",
  "tok.error.tooMany":
    "You already hold {max} {max|valid token|valid tokens}: revoke one before creating another.",
  "tok.error.days": "Choose a duration from the list.",
};
