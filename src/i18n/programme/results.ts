// Messages of a programme's results page: the years chosen, each indicator per region and
// district with the change, the counts per centre and month, and each facility's months before
// its first midwife against as many after, with what such a comparison cannot say.
export const fr = {
  "pr.link": "Résultats là où les sages-femmes travaillent",
  "pr.title": "Résultats : {name}",
  "pr.back": "Retour au programme",
  "pr.intro":
    "Les indicateurs que le programme suit, calculés à partir des valeurs mensuelles des structures, par région et district de ses régions.",
  "pr.form": "Période affichée",
  "pr.f.from": "De l’année",
  "pr.f.to": "À l’année",
  "pr.f.indicator": "Indicateur du graphique",
  "pr.f.facility": "Structure comparée avant et après",
  "pr.f.noFacility": "Aucune",
  "pr.e.facility": "Choisissez une structure où le programme a déployé une sage-femme.",
  "pr.chooseFacility":
    "Choisissez une structure ci-dessous (ou dans le formulaire) pour voir ses mois avant et après.",
  "pr.show": "Afficher",
  "pr.e.from": "Une année de quatre chiffres, par exemple 2022.",
  "pr.e.to": "Une année de quatre chiffres, au plus tôt l’année de début.",
  "pr.e.span": "Cinq années au plus entre le début et la fin.",
  "pr.noIndicators":
    "Le programme ne suit encore aucun indicateur : reliez-en depuis la page du programme.",
  "pr.noRegions": "Le programme ne couvre encore aucune région.",
  "pr.districts": "Par district, de {first} à {last}",
  "pr.col.unit": "Région ou district",
  "pr.col.change": "Évolution",
  "pr.changeHint": "Évolution : la dernière année moins la première ({unit}).",
  "pr.points": "en points",
  "pr.units": "en unités de l’indicateur",
  "pr.region": "{name} (région)",
  "pr.chart": "Graphique : {name}, par année",
  "pr.chart.unavailable":
    "Le graphique n’a pas pu être dessiné cette fois ; le tableau donne les mêmes chiffres.",
  "pr.chart.capped":
    "{count} {count|unité ne figure|unités ne figurent} pas sur le graphique ; le tableau les donne toutes.",
  "pr.averages": "Moyenne mensuelle par centre",
  "pr.averagesIntro":
    "Le total de l’année divisé par le nombre de mois ayant une valeur, puis par le nombre de centres de la région ou du district.",
  "pr.centres": "{count} {count|centre|centres}",
  "pr.noValues": "Aucune valeur pour ces années.",
  "pr.withoutValues": "Sans valeur pour ces années : {list}.",
  "pr.facilities": "Avant et après l’arrivée de la sage-femme, par structure",
  "pr.caveat":
    "Ce n’est pas une comparaison contrôlée : d’autres choses ont changé en même temps (autres projets, gratuité, saison, sécurité, qualité de la saisie). Une hausse après l’arrivée d’une sage-femme ne prouve pas qu’elle en soit la cause.",
  "pr.facilitiesIntro":
    "Pour chaque structure où le programme a déployé une sage-femme : les mois avant l’arrivée de la première, comparés au même nombre de mois à partir de son arrivée.",
  "pr.noFacilities": "Le programme n’a déployé aucune sage-femme.",
  "pr.since": "Sage-femme depuis le {date}",
  "pr.sinceUntil": "Sage-femme du {first} au {last}",
  "pr.window":
    "{count} {count|mois|mois} avant ({before}) et {count} {count|mois|mois} après ({after})",
  "pr.seasonal": "Mêmes mois de l’année des deux côtés.",
  "pr.notSeasonal":
    "Moins de douze mois de chaque côté : les mois comparés ne sont pas les mêmes mois de l’année (effet de saison possible).",
  "pr.missing": "Mois sans donnée : {list}.",
  "pr.reason.no_data": "Aucune valeur pour cette structure autour de l’arrivée de la sage-femme.",
  "pr.reason.no_before":
    "Pas de mois avec des valeurs avant l’arrivée de la sage-femme : rien à comparer.",
  "pr.reason.no_after": "Pas de mois avec des valeurs depuis l’arrivée de la sage-femme.",
  "pr.col.indicator": "Indicateur",
  "pr.col.before": "Avant",
  "pr.col.after": "Après",
  "pr.perMonth": "{value} par mois",
} as const;

export const en: Record<keyof typeof fr, string> = {
  "pr.link": "Results where the midwives work",
  "pr.title": "Results: {name}",
  "pr.back": "Back to the programme",
  "pr.intro":
    "The indicators the programme follows, computed from the facilities’ monthly values, per region and district of its regions.",
  "pr.form": "Years shown",
  "pr.f.from": "From year",
  "pr.f.to": "To year",
  "pr.f.indicator": "Indicator on the chart",
  "pr.f.facility": "Facility compared before and after",
  "pr.f.noFacility": "None",
  "pr.e.facility": "Choose a facility where the programme deployed a midwife.",
  "pr.chooseFacility":
    "Choose a facility below (or in the form) to see its months before and after.",
  "pr.show": "Show",
  "pr.e.from": "A four-digit year, for example 2022.",
  "pr.e.to": "A four-digit year, no earlier than the first year.",
  "pr.e.span": "Five years at most from first to last.",
  "pr.noIndicators": "The programme follows no indicator yet: link some from the programme’s page.",
  "pr.noRegions": "The programme covers no region yet.",
  "pr.districts": "Per district, {first} to {last}",
  "pr.col.unit": "Region or district",
  "pr.col.change": "Change",
  "pr.changeHint": "Change: the last year less the first ({unit}).",
  "pr.points": "in points",
  "pr.units": "in the indicator’s units",
  "pr.region": "{name} (region)",
  "pr.chart": "Chart: {name}, by year",
  "pr.chart.unavailable":
    "The chart could not be drawn this time; the table gives the same figures.",
  "pr.chart.capped": "{count} {count|unit is|units are} not on the chart; the table has them all.",
  "pr.averages": "Monthly average per centre",
  "pr.averagesIntro":
    "The year’s total divided by the number of months holding a value, then by the number of centres in the region or district.",
  "pr.centres": "{count} {count|centre|centres}",
  "pr.noValues": "Aucune valeur pour ces années.",
  "pr.withoutValues": "Sans valeur pour ces années : {list}.",
  "pr.facilities": "Before and after the midwife came, per facility",
  "pr.caveat":
    "This is not a controlled comparison: other things changed at the same time (other projects, free care, season, security, data quality). A rise after a midwife came does not prove she caused it.",
  "pr.facilitiesIntro":
    "For each facility where the programme deployed a midwife: the months before the first one came, against as many months from her arrival.",
  "pr.noFacilities": "The programme has deployed no midwife.",
  "pr.since": "Midwife since {date}",
  "pr.sinceUntil": "Midwife from {first} to {last}",
  "pr.window":
    "{count} {count|month|months} before ({before}) and {count} {count|month|months} after ({after})",
  "pr.seasonal": "The same months of the year on both sides.",
  "pr.notSeasonal":
    "Fewer than twelve months each side: the months compared are not the same months of the year (the season may play a part).",
  "pr.missing": "Months without data: {list}.",
  "pr.reason.no_data": "No value for this facility around the midwife’s arrival.",
  "pr.reason.no_before": "No month with values before the midwife came: nothing to compare with.",
  "pr.reason.no_after": "No month with values since the midwife came.",
  "pr.col.indicator": "Indicator",
  "pr.col.before": "Before",
  "pr.col.after": "After",
  "pr.perMonth": "{value} a month",
};
