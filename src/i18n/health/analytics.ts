// Messages of the analytics API (/api/analytics): why a query is refused, named by its item.
export const fr = {
  "api.analytics.unsupported_parameter": "Paramètre non pris en charge : {code}.",
  "api.analytics.unsupported_dimension":
    "Dimension non prise en charge : {code} (seules dx, pe et ou le sont).",
  "api.analytics.dimension_repeated": "La dimension {code} est donnée deux fois.",
  "api.analytics.dimension_empty": "La dimension {code} ne nomme aucun élément.",
  "api.analytics.invalid_option": "Option invalide : {code}.",
  "api.analytics.dx_missing": "La dimension dx (données) manque.",
  "api.analytics.pe_missing": "La dimension pe (périodes) manque.",
  "api.analytics.ou_missing": "La dimension ou (unités d’organisation) manque.",
  "api.analytics.unknown_dx_item": "Indicateur ou élément de données inconnu : {code}.",
  "api.analytics.indicator_expression_invalid":
    "L’expression de l’indicateur {code} ne peut pas être calculée.",
  "api.analytics.unknown_period": "Période inconnue : {code}.",
  "api.analytics.period_finer_than_month":
    "Période plus fine que le mois, non prise en charge : {code}.",
  "api.analytics.unknown_org_unit": "Unité d’organisation inconnue : {code}.",
  "api.analytics.no_org_unit": "Aucune unité d’organisation ne répond à la dimension ou.",
  "api.analytics.dx_filter_single_item": "Un filtre dx ne peut nommer qu’un seul élément.",
  "api.analytics.invalid": "Requête invalide : {code}.",
  "api.unauthenticated":
    "Authentification requise : connectez-vous, ou envoyez l’adresse et le mot de passe d’un compte Jalon (HTTP Basic).",
  "api.badCredentials": "Adresse ou mot de passe incorrect.",
  "api.locked": "Trop d’essais : réessayez dans {minutes} {minutes|minute|minutes}.",
  "api.forbidden": "Votre compte n’a pas accès à ces données.",
};

export const en: Record<keyof typeof fr, string> = {
  "api.analytics.unsupported_parameter": "Unsupported parameter: {code}.",
  "api.analytics.unsupported_dimension": "Unsupported dimension: {code} (only dx, pe and ou are).",
  "api.analytics.dimension_repeated": "The dimension {code} is given twice.",
  "api.analytics.dimension_empty": "The dimension {code} names no item.",
  "api.analytics.invalid_option": "Invalid option: {code}.",
  "api.analytics.dx_missing": "The dx (data) dimension is missing.",
  "api.analytics.pe_missing": "The pe (periods) dimension is missing.",
  "api.analytics.ou_missing": "The ou (organisation units) dimension is missing.",
  "api.analytics.unknown_dx_item": "Unknown indicator or data element: {code}.",
  "api.analytics.indicator_expression_invalid":
    "The expression of indicator {code} cannot be computed.",
  "api.analytics.unknown_period": "Unknown period: {code}.",
  "api.analytics.period_finer_than_month": "Period finer than a month, not supported: {code}.",
  "api.analytics.unknown_org_unit": "Unknown organisation unit: {code}.",
  "api.analytics.no_org_unit": "No organisation unit answers the ou dimension.",
  "api.analytics.dx_filter_single_item": "A dx filter may name one item only.",
  "api.analytics.invalid": "Invalid query: {code}.",
  "api.unauthenticated":
    "Authentication required: sign in, or send a Jalon account's e-mail and password (HTTP Basic).",
  "api.badCredentials": "Wrong e-mail address or password.",
  "api.locked": "Too many attempts: try again in {minutes} {minutes|minute|minutes}.",
  "api.forbidden": "Your account has no access to this data.",
};
