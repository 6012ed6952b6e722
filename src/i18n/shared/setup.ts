// Messages of the first start's set-up link (the first administrator) and of a refused Host.
export const fr = {
  "setup.title": "Créer le compte administrateur",
  "setup.intro":
    "Jalon n’a encore aucun compte. Ce lien, valable une seule fois, crée le premier administrateur ; il invitera ensuite les autres comptes depuis l’espace de travail.",
  "setup.name": "Nom",
  "setup.nameRequired": "Indiquez un nom.",
  "setup.submit": "Créer le compte et se connecter",
  "setup.invalid.title": "Lien de mise en route non valable",
  "setup.invalid.body":
    "Ce lien a déjà servi, a expiré, ou un compte existe déjà. Connectez-vous ; tant qu’aucun compte n’existe, un nouveau lien s’affiche à chaque démarrage de Jalon.",
  "host.title": "Adresse inattendue",
  "host.body": "Ce serveur Jalon ne répond qu’à l’adresse {url} : ouvrez-la directement.",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "setup.title": "Create the administrator account",
  "setup.intro":
    "Jalon has no account yet. This link, valid once, creates the first administrator, who then invites the other accounts from the workspace.",
  "setup.name": "Name",
  "setup.nameRequired": "Give a name.",
  "setup.submit": "Create the account and sign in",
  "setup.invalid.title": "Set-up link not valid",
  "setup.invalid.body":
    "This link has been used, has expired, or an account already exists. Sign in; while no account exists, each start of Jalon prints a new link.",
  "host.title": "Unexpected address",
  "host.body": "This Jalon server answers only at {url}: open that address directly.",
};
