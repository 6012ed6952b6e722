// Messages of a programme's public dashboard, its publication on the programme page, and the
// staff page listing its result cards.
export const fr = {
  "dash.publication": "Tableau de bord public",
  "dash.publishedOn": "Publié le {date} par {by}.",
  "dash.publicLink": "Voir le tableau de bord public",
  "dash.notPublished": "Le tableau de bord de ce programme n’est pas public.",
  "dash.publish": "Publier le tableau de bord",
  "dash.unpublish": "Retirer la publication",
  "dash.didPublish": "Tableau de bord publié.",
  "dash.didUnpublish": "Le tableau de bord n’est plus public.",
  "dash.cardsLink": "Cartes de résultats à partager",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "dash.publication": "Public dashboard",
  "dash.publishedOn": "Published on {date} by {by}.",
  "dash.publicLink": "See the public dashboard",
  "dash.notPublished": "This programme’s dashboard is not public.",
  "dash.publish": "Publish the dashboard",
  "dash.unpublish": "Unpublish",
  "dash.didPublish": "Dashboard published.",
  "dash.didUnpublish": "The dashboard is no longer public.",
  "dash.cardsLink": "Result cards to share",
};
