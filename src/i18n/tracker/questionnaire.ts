// Messages of the partner questionnaire (annex 1 of the method) and its saving, offline included.
import { QUESTION } from "./vocabulary.ts";

export const fr = {
  "q.title": "Questionnaire {partner} – {cycle}",
  "q.intro":
    "Pour chaque indicateur, dites si votre organisation y contribue, résumez vos activités et vos partenaires, et les difficultés rencontrées. Chaque indicateur s’enregistre séparément ; vous pouvez revenir plus tard.",
  "q.deadline": "À renvoyer avant le {date}.",
  "q.progress": "Indicateurs commencés : {started} sur {mapped} ; soumis : {submitted}.",
  "q.readOnly": "Ce questionnaire n’accepte plus de modifications.",
  "q.none": "Aucun indicateur n’est attribué à votre organisation pour cette période.",
  "q.contributes": QUESTION.fr.contributes,
  "q.yes": QUESTION.fr.yes,
  "q.no": QUESTION.fr.no,
  "q.unknown": "Je ne sais pas encore",
  "q.activities": "Si oui, résumez les principales activités qui y contribuent",
  "q.collaborators": "Partenaires avec lesquels vous avez collaboré",
  "q.collaboratorsHint": "Choisissez dans la liste (plusieurs choix possibles).",
  "q.collaboratorsText": "Autres partenaires (non listés)",
  "q.difficulties": "Difficultés rencontrées pour progresser sur cet indicateur",
  "q.outputs": "Résultats chiffrés",
  "q.outputsHint": "Par exemple 619 prestataires formés, 33 000 000 FCFA alloués.",
  "q.outputValue": "Nombre",
  "q.outputUnit": "Unité",
  "q.evidence": "Justificatifs (liens)",
  "q.evidenceUrl": "Adresse (https://…)",
  "q.evidenceTitle": "Titre",
  "q.save": "Enregistrer le brouillon",
  "q.submit": "Soumettre pour validation",
  "q.saved": "Réponse enregistrée.",
  "q.submitted": "Réponse soumise pour validation.",
  "q.state.draft": "Brouillon",
  "q.state.submitted": "Soumis",
  "q.state.returned": "Renvoyé pour correction",
  "q.state.validated": "Validé",
  "q.state.new": "Pas commencé",
  "q.returned": "Commentaire du validateur : {comment}",
  "q.lastChange": "Dernière modification : {date}",
  "q.method": "Saisie par {method}",
  "q.conflict":
    "Quelqu’un a modifié cette réponse pendant que vous la saisissiez. Voici la version enregistrée ; votre saisie est conservée dans le formulaire. Relisez, puis enregistrez pour la remplacer.",
  "q.conflict.theirs": "Version enregistrée",
  "q.closed": "La collecte de cette période est close : la réponse n’a pas été enregistrée.",
  "q.offline.pending": "{count} {count|réponse en attente|réponses en attente} d’envoi",
  "q.offline.offline":
    "Hors ligne : les réponses restent sur cet appareil et partiront au retour de la connexion.",
  "q.offline.itemSubmit": "à soumettre",
  "q.offline.itemDraft": "brouillon",
  "q.offline.queuedSubmit":
    "Soumission en attente d’envoi : elle partira au retour de la connexion.",
  "q.offline.others":
    "{count} {count|réponse saisie|réponses saisies} dans une autre session {count|attend|attendent} sur cet appareil. {count|Elle ne sera envoyée|Elles ne seront envoyées} qu’avec cette session : rouvrez son lien ou reconnectez-vous avec son compte.",
  "q.offline.discard": "Effacer ces réponses de cet appareil",
  "q.offline.discardConfirm":
    "Effacer de cet appareil les réponses non envoyées d’une autre session ? Elles seront perdues.",
  "q.offline.logoutPending":
    "{count} {count|réponse n’est|réponses ne sont} pas encore {count|envoyée|envoyées}. En vous déconnectant, {count|elle sera effacée|elles seront effacées} de cet appareil. Se déconnecter quand même ?",
  "q.state.queued": "En attente d’envoi",
  "q.offline.noPage":
    "Hors ligne : ce questionnaire n’a pas encore été ouvert sur cet appareil. Ouvrez-le une fois avec une connexion ; il restera ensuite disponible hors ligne.",
  "q.app.name": "questionnaire",
  "q.app.description": "Le questionnaire de suivi des engagements, disponible hors ligne.",
  "q.offline.sent": "Réponses envoyées.",
  "q.offline.saving": "Enregistrement…",
  "q.offline.kept":
    "{count|Réponse enregistrée|Réponses enregistrées}, sauf des lignes à corriger :",
  "q.offline.reused":
    "Cet appareil a déjà envoyé cet enregistrement avec un autre contenu. Voici la version enregistrée ; votre saisie est conservée dans le formulaire. Relisez, puis enregistrez pour la remplacer.",
  "q.offline.precondition":
    "Réponse non enregistrée : la page n’a pas dit quelle version elle remplace. Rechargez la page ; votre saisie reste sur cet appareil.",
  "q.offline.savedLocal": "Enregistré sur cet appareil, sera envoyé au retour de la connexion.",
  "q.offline.conflict":
    "Conflit : cette réponse a changé ailleurs. Comparez avec la version enregistrée ci-dessous, puis enregistrez pour la remplacer.",
  "q.methodChoice": "Réponses recueillies par",
  "q.summary.title": "Où en êtes-vous ?",
  "q.summary.left": "Reste à faire : {count} {count|indicateur|indicateurs}",
  "q.summary.returned":
    "{count|Renvoyé|Renvoyés} pour correction : {count} {count|indicateur|indicateurs}",
  "q.summary.rows": "{count} {count|ligne|lignes} à corriger",
  "q.summary.done": "Tous les indicateurs sont soumis. Merci !",
  "q.kept":
    "Brouillon enregistré, sauf ces lignes : elles sont gardées telles que saisies, mais ne comptent pas dans la réponse tant qu’elles ne sont pas corrigées.",
  "q.refused.contributes":
    "Réponse non soumise : dites d’abord si votre organisation contribue (oui ou non). Votre saisie est conservée ci-dessous.",
  "q.refused.rows":
    "Réponse non soumise : corrigez d’abord ces lignes. Votre saisie est conservée ci-dessous.",
  "q.error.contributes": "Choisissez oui ou non pour soumettre cette réponse.",
  "q.row.value": "Ligne {row} : nombre illisible ; écrivez par exemple 12,5 ou 1 234.",
  "q.row.negative": "Ligne {row} : le nombre ne peut pas être négatif.",
  "q.row.unit": "Ligne {row} : indiquez l’unité (par exemple « prestataires formés »).",
  "q.row.url": "Lien {row} : l’adresse doit commencer par http:// ou https://.",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "q.title": "Questionnaire {partner} – {cycle}",
  "q.intro":
    "For each indicator, say whether your organisation contributes, summarise your activities and partners, and the difficulties met. Each indicator is saved separately; you can come back later.",
  "q.deadline": "To be returned before {date}.",
  "q.progress": "Indicators started: {started} of {mapped}; submitted: {submitted}.",
  "q.readOnly": "This questionnaire no longer accepts changes.",
  "q.none": "No indicator is assigned to your organisation for this period.",
  "q.contributes": QUESTION.en.contributes,
  "q.yes": QUESTION.en.yes,
  "q.no": QUESTION.en.no,
  "q.unknown": "Not sure yet",
  "q.activities": "If yes, summarise the main activities that contribute",
  "q.collaborators": "Partners you worked with",
  "q.collaboratorsHint": "Choose from the list (several choices allowed).",
  "q.collaboratorsText": "Other partners (not listed)",
  "q.difficulties": "Difficulties met in making progress on this indicator",
  "q.outputs": "Quantified outputs",
  "q.outputsHint": "For example 619 providers trained, 33,000,000 FCFA allocated.",
  "q.outputValue": "Number",
  "q.outputUnit": "Unit",
  "q.evidence": "Evidence (links)",
  "q.evidenceUrl": "Address (https://…)",
  "q.evidenceTitle": "Title",
  "q.save": "Save draft",
  "q.submit": "Submit for validation",
  "q.saved": "Answer saved.",
  "q.submitted": "Answer submitted for validation.",
  "q.state.draft": "Draft",
  "q.state.submitted": "Submitted",
  "q.state.returned": "Returned for correction",
  "q.state.validated": "Validated",
  "q.state.new": "Not started",
  "q.returned": "Validator's comment: {comment}",
  "q.lastChange": "Last change: {date}",
  "q.method": "Entered by {method}",
  "q.conflict":
    "Someone changed this answer while you were typing. Here is the stored version; what you typed is kept in the form. Read it, then save to replace it.",
  "q.conflict.theirs": "Stored version",
  "q.closed": "Collection for this period is closed: the answer was not saved.",
  "q.offline.pending": "{count} {count|answer|answers} waiting to be sent",
  "q.offline.offline":
    "Offline: the answers stay on this device and will be sent when the connection returns.",
  "q.offline.itemSubmit": "to submit",
  "q.offline.itemDraft": "draft",
  "q.offline.queuedSubmit":
    "Submission waiting to be sent: it will go when the connection returns.",
  "q.offline.others":
    "{count} {count|answer|answers} typed in another session {count|waits|wait} on this device. {count|It|They} will only be sent with that session: reopen its link or sign in with its account.",
  "q.offline.discard": "Delete these answers from this device",
  "q.offline.discardConfirm":
    "Delete another session's unsent answers from this device? They will be lost.",
  "q.offline.logoutPending":
    "{count} {count|answer has|answers have} not been sent yet. Signing out deletes {count|it|them} from this device. Sign out anyway?",
  "q.state.queued": "Waiting to be sent",
  "q.offline.noPage":
    "Offline: this questionnaire has not been opened on this device yet. Open it once with a connection; it will then stay available offline.",
  "q.app.name": "questionnaire",
  "q.app.description": "The commitment tracking questionnaire, available offline.",
  "q.offline.sent": "Answers sent.",
  "q.offline.saving": "Saving…",
  "q.offline.kept": "{count|Answer|Answers} saved, except rows to correct:",
  "q.offline.reused":
    "This device already sent this save with other content. Here is the stored version; what you typed is kept in the form. Read it, then save to replace it.",
  "q.offline.precondition":
    "Answer not saved: the page did not say which version it replaces. Reload the page; what you typed stays on this device.",
  "q.offline.savedLocal": "Saved on this device, will be sent when the connection returns.",
  "q.offline.conflict":
    "Conflict: this answer changed elsewhere. Compare with the stored version below, then save to replace it.",
  "q.methodChoice": "Answers collected by",
  "q.summary.title": "Where you stand",
  "q.summary.left": "Still to do: {count} {count|indicator|indicators}",
  "q.summary.returned": "Returned for correction: {count} {count|indicator|indicators}",
  "q.summary.rows": "{count} {count|row|rows} to correct",
  "q.summary.done": "Every indicator is submitted. Thank you!",
  "q.kept":
    "Draft saved, except these rows: they are kept as typed, but do not count in the answer until they are corrected.",
  "q.refused.contributes":
    "Answer not submitted: first say whether your organisation contributes (yes or no). What you typed is kept below.",
  "q.refused.rows": "Answer not submitted: first correct these rows. What you typed is kept below.",
  "q.error.contributes": "Choose yes or no to submit this answer.",
  "q.row.value": "Row {row}: the number cannot be read; write for example 12.5 or 1234.",
  "q.row.negative": "Row {row}: the number cannot be negative.",
  "q.row.unit": "Row {row}: give the unit (for example “providers trained”).",
  "q.row.url": "Link {row}: the address must start with http:// or https://.",
};
