// Messages of signing in and out, password reset, invitation links and the problems they meet.
export const fr = {
  "nav.workspace": "Espace de travail",
  "nav.signin": "Connexion",
  "auth.login.title": "Connexion",
  "auth.login.intro": "Espace de travail des coordinateurs, validateurs et partenaires.",
  "auth.email": "Adresse e-mail",
  "auth.password": "Mot de passe",
  "auth.login.submit": "Se connecter",
  "auth.login.failed":
    "Adresse ou mot de passe incorrect : réessayez, ou choisissez « Mot de passe oublié ».",
  "auth.logout": "Se déconnecter",
  "auth.forgot.link": "Mot de passe oublié ?",
  "auth.forgot.title": "Mot de passe oublié",
  "auth.forgot.intro":
    "Indiquez votre adresse : si un compte existe, un lien de réinitialisation valable une heure lui est envoyé.",
  "auth.forgot.submit": "Envoyer le lien",
  "auth.forgot.sent": "Si un compte existe pour cette adresse, un lien vient de lui être envoyé.",
  "auth.reset.title": "Nouveau mot de passe",
  "auth.reset.submit": "Enregistrer le mot de passe",
  "auth.reset.done": "Mot de passe enregistré. Vous pouvez vous connecter.",
  "auth.reset.invalid": "Ce lien n’est plus valable : demandez-en un nouveau.",
  "auth.password.too_short": "Le mot de passe doit compter au moins 12 caractères.",
  "auth.password.too_long": "Le mot de passe est trop long (200 caractères au plus).",
  "auth.password.same_as_email": "Le mot de passe ne peut pas être votre adresse e-mail.",
  "auth.mail.resetSubject": "Jalon : réinitialisation de votre mot de passe",
  "auth.mail.resetBody":
    "Bonjour,\n\nPour choisir un nouveau mot de passe Jalon, ouvrez ce lien (valable une heure) :\n{url}\n\nSi vous n’avez rien demandé, ignorez ce message.",
  "auth.linkSession": "Accès par lien d’invitation",
  "invite.used.title": "Lien déjà ouvert",
  "invite.used.body":
    "Ce lien a déjà été ouvert sur un autre appareil ou dans un autre navigateur. Pour continuer ici, recevez un nouveau lien à l’adresse e-mail de l’invitation.",
  "invite.fresh.submit": "M’envoyer un nouveau lien",
  "invite.fresh.sent":
    "Si une adresse e-mail accompagne cette invitation, un nouveau lien vient d’y être envoyé (il sert une fois). Sinon, demandez un lien au coordinateur.",
  "invite.fresh.limited":
    "Trop de demandes de nouveau lien. Réessayez dans une heure, ou demandez un lien au coordinateur.",
  "invite.switch.title": "Ouvrir l’invitation ?",
  "invite.switch.body":
    "Vous êtes connecté avec votre compte. Ouvrir ce lien d’invitation vous déconnectera de votre compte dans ce navigateur.",
  "invite.switch.continue": "Me déconnecter et ouvrir le questionnaire",
  "invite.switch.stay": "Rester connecté avec mon compte",
  "invite.closed.title": "Ce lien n’ouvre plus le questionnaire",
  "invite.closed.body":
    "La collecte est close pour votre organisation, ou toutes vos réponses ont été envoyées. Si une réponse vous est renvoyée pour correction, un nouveau lien vous parviendra par e-mail ou par le coordinateur.",
  "invite.closed.account": "Vous avez un compte ? Connectez-vous",
  "invite.invalid.title": "Lien non valable",
  "invite.invalid.body":
    "Ce lien d’invitation a déjà servi, a été révoqué ou la collecte est close. Demandez un nouveau lien au coordinateur.",
  "error.forbidden.title": "Accès refusé",
  "error.forbidden.body": "Votre compte ne permet pas cette action.",
  "error.conflict.title": "Action impossible pour le moment",
  "error.conflict.body":
    "Cette action n’est pas possible dans l’état actuel de la période de suivi.",
  "error.csrf":
    "Le formulaire a expiré ou ne vient pas de Jalon. Rechargez la page et recommencez : rien n’a été enregistré.",
  "error.tooLarge": "Envoi trop volumineux : rien n’a été enregistré.",
  "error.tooLargeMax":
    "Un fichier envoyé ici ne peut dépasser {max} : choisissez-en un plus petit. Le bouton Retour du navigateur ramène au formulaire, en général avec ce que vous y aviez saisi.",
  "error.backToForm": "Revenir au formulaire",
  "error.busy.title": "Serveur occupé",
  "error.busy.body":
    "Beaucoup de rapports sont en cours de préparation. Réessayez dans quelques secondes.",
  "form.invalidEmail": "Adresse e-mail non valable.",
  "form.errors":
    "Le formulaire contient des erreurs : corrigez les champs signalés, rien n’a été perdu.",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "nav.workspace": "Workspace",
  "nav.signin": "Sign in",
  "auth.login.title": "Sign in",
  "auth.login.intro": "Workspace for coordinators, validators and partners.",
  "auth.email": "E-mail address",
  "auth.password": "Password",
  "auth.login.submit": "Sign in",
  "auth.login.failed": "Wrong address or password: try again, or choose “Forgot your password?”.",
  "auth.logout": "Sign out",
  "auth.forgot.link": "Forgot your password?",
  "auth.forgot.title": "Forgotten password",
  "auth.forgot.intro":
    "Give your address: if an account exists, a reset link valid for one hour is sent to it.",
  "auth.forgot.submit": "Send the link",
  "auth.forgot.sent": "If an account exists for this address, a link has just been sent to it.",
  "auth.reset.title": "New password",
  "auth.reset.submit": "Save the password",
  "auth.reset.done": "Password saved. You can sign in.",
  "auth.reset.invalid": "This link is no longer valid: ask for a new one.",
  "auth.password.too_short": "The password must have at least 12 characters.",
  "auth.password.too_long": "The password is too long (200 characters at most).",
  "auth.password.same_as_email": "The password cannot be your e-mail address.",
  "auth.mail.resetSubject": "Jalon: resetting your password",
  "auth.mail.resetBody":
    "Hello,\n\nTo choose a new Jalon password, open this link (valid for one hour):\n{url}\n\nIf you asked for nothing, ignore this message.",
  "auth.linkSession": "Signed in by invitation link",
  "invite.used.title": "Link already opened",
  "invite.used.body":
    "This link was already opened on another device or in another browser. To continue here, get a fresh link at the invitation's e-mail address.",
  "invite.fresh.submit": "Send me a fresh link",
  "invite.fresh.sent":
    "If this invitation came with an e-mail address, a fresh link has just been sent to it (it works once). Otherwise, ask the coordinator for a link.",
  "invite.fresh.limited":
    "Too many requests for a fresh link. Try again in an hour, or ask the coordinator for a link.",
  "invite.switch.title": "Open the invitation?",
  "invite.switch.body":
    "You are signed in with your account. Opening this invitation link will sign you out of your account in this browser.",
  "invite.switch.continue": "Sign me out and open the questionnaire",
  "invite.switch.stay": "Stay signed in with my account",
  "invite.closed.title": "This link no longer opens the questionnaire",
  "invite.closed.body":
    "Collection is closed for your organisation, or all your answers have been sent. If an answer is sent back to you for correction, a new link will reach you by e-mail or from the coordinator.",
  "invite.closed.account": "Have an account? Sign in",
  "invite.invalid.title": "Link not valid",
  "invite.invalid.body":
    "This invitation link has already been used, was revoked, or collection is closed. Ask the coordinator for a new link.",
  "error.forbidden.title": "Access denied",
  "error.forbidden.body": "Your account does not allow this action.",
  "error.conflict.title": "Not possible right now",
  "error.conflict.body": "This action is not possible in the reporting period's current state.",
  "error.csrf":
    "The form expired or does not come from Jalon. Reload the page and try again: nothing was saved.",
  "error.tooLarge": "Upload too large: nothing was saved.",
  "error.tooLargeMax":
    "A file sent here may not exceed {max}: choose a smaller one. The browser's Back button returns to the form, usually with what you had typed in it.",
  "error.backToForm": "Back to the form",
  "error.busy.title": "Server busy",
  "error.busy.body": "Many reports are being prepared. Please try again in a few seconds.",
  "form.invalidEmail": "Not a valid e-mail address.",
  "form.errors": "The form has errors: correct the fields marked, nothing was lost.",
};
