// Why an analytics query is refused, in French and English, for the JSON endpoint, the explorer
// and the command line alike. {item} names the parameter or item at fault.

export const fr = {
  "analytics.unsupported_parameter": "paramètre non pris en charge « {item} ».",
  "analytics.unsupported_dimension":
    "dimension non prise en charge « {item} » (seules dx, pe et ou le sont).",
  "analytics.dimension_repeated": "la dimension « {item} » est donnée deux fois.",
  "analytics.dimension_empty": "la dimension « {item} » n'a aucun élément.",
  "analytics.invalid_option": "option invalide « {item} ».",
  "analytics.dx_missing": "il manque la dimension dx (indicateurs ou éléments de données).",
  "analytics.pe_missing": "il manque la dimension pe (périodes).",
  "analytics.ou_missing": "il manque la dimension ou (unités d'organisation).",
  "analytics.unknown_dx_item": "indicateur ou élément de données inconnu « {item} ».",
  "analytics.indicator_expression_invalid": "l'indicateur « {item} » a une formule invalide.",
  "analytics.unknown_period": "période invalide « {item} ».",
  "analytics.period_finer_than_month":
    "la période « {item} » est plus courte qu'un mois : demandez des mois ou plus.",
  "analytics.unknown_org_unit": "unité d'organisation inconnue « {item} ».",
  "analytics.no_org_unit": "aucune unité d'organisation ne correspond.",
  "analytics.dx_filter_single_item": "un filtre dx ne peut nommer qu'un seul élément.",
  "analytics.unauthenticated":
    "ces données ne sont pas publiques : connectez-vous (session, ou authentification Basic).",
  "analytics.forbidden": "votre compte ne peut pas lire ces données.",
};

export const en: Record<keyof typeof fr, string> = {
  "analytics.unsupported_parameter": "unsupported parameter “{item}”.",
  "analytics.unsupported_dimension": "unsupported dimension “{item}” (only dx, pe and ou are).",
  "analytics.dimension_repeated": "dimension “{item}” is given twice.",
  "analytics.dimension_empty": "dimension “{item}” has no items.",
  "analytics.invalid_option": "invalid option “{item}”.",
  "analytics.dx_missing": "the dx dimension (indicators or data elements) is missing.",
  "analytics.pe_missing": "the pe dimension (periods) is missing.",
  "analytics.ou_missing": "the ou dimension (organisation units) is missing.",
  "analytics.unknown_dx_item": "unknown indicator or data element “{item}”.",
  "analytics.indicator_expression_invalid": "indicator “{item}” has an invalid formula.",
  "analytics.unknown_period": "invalid period “{item}”.",
  "analytics.period_finer_than_month":
    "period “{item}” is shorter than a month: ask for months or longer.",
  "analytics.unknown_org_unit": "unknown organisation unit “{item}”.",
  "analytics.no_org_unit": "no organisation unit matches.",
  "analytics.dx_filter_single_item": "a dx filter may name one item only.",
  "analytics.unauthenticated":
    "this data is not public: sign in (a session, or HTTP Basic authentication).",
  "analytics.forbidden": "your account may not read this data.",
};
