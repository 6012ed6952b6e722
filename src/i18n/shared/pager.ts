// Messages of the links between the pages of a long list (validation answers, tracked partners).
export const fr = {
  "pager.label": "Pages",
  "pager.previous": "‹ Précédente",
  "pager.next": "Suivante ›",
  "pager.position": "Page {page} sur {count}",
  "pager.page": "Page {page}",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "pager.label": "Pages",
  "pager.previous": "‹ Previous",
  "pager.next": "Next ›",
  "pager.position": "Page {page} of {count}",
  "pager.page": "Page {page}",
};
