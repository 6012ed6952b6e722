// Messages of the send-back loop (the notice to the partner, its WhatsApp text), a partner's
// collection extension, reopening collection, publishing's confirmation and the change list.
export const fr = {
  "outbox.kind.send_back": "Réponse renvoyée",
  "sb.mail.subject": "Réponse à corriger – {partner}, indicateur {indicator} ({cycle})",
  "sb.mail.body":
    "Bonjour,\n\nLa validation de la période {cycle} a renvoyé à {partner} sa réponse à l’indicateur {indicator} « {title} », avec ce commentaire :\n\n{comment}\n\nCorrigez-la puis envoyez-la à nouveau par ce lien personnel (il ne sert qu’une fois) :\n{url}\n\nLa réponse reste modifiable jusqu’à sa validation ou la publication de la période.\n\nMerci.",
  "sb.whatsapp.text":
    "Bonjour {partner}, votre réponse à l’indicateur {indicator} ({cycle}) vous est renvoyée pour correction : « {comment} ». Corrigez-la puis renvoyez-la par ce lien : {url}",
  "sb.notice":
    "Réponse de {partner} renvoyée pour correction. {count} {count|e-mail avec un nouveau lien mis|e-mails avec un nouveau lien mis} dans la file d’envoi.",
  "sb.noAddress": "Aucune adresse connue pour {partner} : envoyez-lui le lien par WhatsApp.",
  "sb.whatsapp": "Lien WhatsApp pour {partner}",
  "sb.wa.title": "Réponse renvoyée – lien pour {partner}",
  "sb.back": "Retour à la validation",
  "q.closedReturned":
    "La collecte est close. Vous pouvez encore corriger les réponses qui vous ont été renvoyées, jusqu’à leur validation ou la publication de la période.",
  "q.extended": "Votre collecte est prolongée jusqu’au {date}.",
  "ext.title": "Prolonger la collecte pour ce partenaire",
  "ext.intro":
    "Ses liens et ses réponses restent ouverts jusqu’au jour choisi, même après la clôture de la collecte.",
  "ext.until": "Dernier jour",
  "ext.current": "Collecte prolongée jusqu’au {date}.",
  "ext.submit": "Prolonger",
  "ext.saved": "Collecte de {partner} prolongée jusqu’au {date}.",
  "ext.error.until": "Choisissez une date valide, à partir d’aujourd’hui.",
  "ws.reopenCollection.reason": "Raison de la réouverture de la collecte",
  "ws.reopenCollection.submit": "Rouvrir la collecte",
  "ws.publish.confirm":
    "Je confirme la publication : les réponses, statuts et commentaires seront figés et visibles de tous.",
  "ws.error.confirm": "Cochez la case pour confirmer la publication.",
  "ws.published": "Période publiée. Elle est maintenant visible de tous.",
  "ws.publicLink": "Voir le tableau de bord public",
  "compare.pending": "Pas encore évalués pour cette période :",
  "compare.was": "{status} en {period}",
  "compare.pendingOne": "Pas encore évalué pour cette période ({status} en {period}).",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "outbox.kind.send_back": "Answer sent back",
  "sb.mail.subject": "Answer to correct – {partner}, indicator {indicator} ({cycle})",
  "sb.mail.body":
    "Hello,\n\nThe validation of the {cycle} period sent {partner}'s answer to indicator {indicator} “{title}” back, with this comment:\n\n{comment}\n\nCorrect it and send it again through this personal link (it works once):\n{url}\n\nThe answer can be changed until it is validated or the period is published.\n\nThank you.",
  "sb.whatsapp.text":
    "Hello {partner}, your answer to indicator {indicator} ({cycle}) is sent back for correction: “{comment}”. Correct it and send it again through this link: {url}",
  "sb.notice":
    "{partner}'s answer sent back for correction. {count} {count|e-mail with a new link|e-mails with a new link} queued.",
  "sb.noAddress": "No address is known for {partner}: send the link by WhatsApp.",
  "sb.whatsapp": "WhatsApp link for {partner}",
  "sb.wa.title": "Answer sent back – link for {partner}",
  "sb.back": "Back to validation",
  "q.closedReturned":
    "Collection is closed. You can still correct the answers sent back to you, until they are validated or the period is published.",
  "q.extended": "Your collection is extended until {date}.",
  "ext.title": "Extend collection for this partner",
  "ext.intro":
    "Its links and answers stay open until the chosen day, even after collection closes.",
  "ext.until": "Last day",
  "ext.current": "Collection extended until {date}.",
  "ext.submit": "Extend",
  "ext.saved": "{partner}'s collection extended until {date}.",
  "ext.error.until": "Choose a valid date, from today on.",
  "ws.reopenCollection.reason": "Reason for reopening collection",
  "ws.reopenCollection.submit": "Reopen collection",
  "ws.publish.confirm":
    "I confirm the publication: answers, statuses and narratives will be frozen and visible to everyone.",
  "ws.error.confirm": "Tick the box to confirm the publication.",
  "ws.published": "Period published. It is now visible to everyone.",
  "ws.publicLink": "See the public scorecard",
  "compare.pending": "Not yet assessed for this period:",
  "compare.was": "{status} in {period}",
  "compare.pendingOne": "Not yet assessed for this period ({status} in {period}).",
};
