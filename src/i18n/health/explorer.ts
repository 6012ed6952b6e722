// Messages of the indicator explorer: the form, the table, the chart, the downloads and the
// empty states.
export const fr = {
  "hx.nav": "Indicateurs",
  "hx.synthetic":
    "Données de démonstration : ces valeurs sont synthétiques, produites pour l’exemple à partir de quelques chiffres publiés ; elles ne décrivent pas la réalité.",
  "hx.title": "Explorer les indicateurs",
  "hx.intro":
    "Choisissez un indicateur, une unité et une période : le tableau donne la valeur de chaque unité à chaque période, avec son numérateur et son dénominateur.",
  "hx.publicOnly":
    "Vous voyez les indicateurs publics. Connectez-vous pour voir les autres données.",
  "hx.dx": "Indicateur",
  "hx.dx.indicators": "Indicateurs",
  "hx.dx.elements": "Éléments de données",
  "hx.dx.choose": "Choisir…",
  "hx.ou": "Unité d’organisation",
  "hx.level": "Détail",
  "hx.level.self": "L’unité elle-même",
  "hx.level.each": "Chaque {name} de l’unité",
  "hx.pt": "Périodes",
  "hx.pt.Monthly": "Mois",
  "hx.pt.Quarterly": "Trimestres",
  "hx.pt.Yearly": "Années",
  "hx.from": "Du mois",
  "hx.to": "Au mois",
  "hx.monthHint": "AAAA-MM",
  "hx.show": "Afficher",
  "hx.quarter": "T{quarter} {year}",
  "hx.col.unit": "Unité",
  "hx.col.unitId": "Identifiant de l’unité",
  "hx.col.period": "Période",
  "hx.col.periodId": "Identifiant de la période",
  "hx.col.value": "Valeur",
  "hx.col.numerator": "Numérateur",
  "hx.col.denominator": "Dénominateur",
  "hx.col.numeratorShort": "Num.",
  "hx.col.denominatorShort": "Dén.",
  "hx.subject": "{unit}, {from} – {to}",
  "hx.subject.level": "chaque {name} de {unit}",
  "hx.download": "Télécharger le tableau :",
  "hx.download.csv": "CSV",
  "hx.download.xlsx": "Excel (XLSX)",
  "hx.api": "Les mêmes chiffres pour un outil DHIS2 :",
  "hx.api.link": "API analytics (JSON)",
  "hx.chart": "Graphique : {name}",
  "hx.chart.capped":
    "Le graphique montre {count} {count|unité|unités} ; le tableau les montre toutes.",
  "hx.chart.unavailable":
    "Le graphique n’a pas pu être dessiné (serveur occupé) ; le tableau est complet. Rechargez la page dans un instant.",
  "hx.empty.none":
    "Aucun indicateur n’est encore disponible. Un administrateur doit d’abord importer les métadonnées DHIS2 (unités, éléments de données, indicateurs), puis les valeurs.",
  "hx.empty.nonePublic":
    "Aucun indicateur n’est encore public. Revenez plus tard, ou connectez-vous si vous avez un compte.",
  "hx.empty.choose": "Choisissez un indicateur et une unité, puis « Afficher ».",
  "hx.empty.noData":
    "Aucune valeur pour ce choix. Élargissez la période, changez le détail, ou vérifiez que les valeurs de ces mois sont importées.",
  "hx.error.month": "Mois invalide : écrivez AAAA-MM, par exemple 2022-01.",
  "hx.error.order": "Le mois de fin précède le mois de début.",
  "hx.error.tooMany":
    "Trop de périodes : au plus {max}. Raccourcissez l’intervalle ou choisissez des périodes plus longues.",
  "hx.error.tooManyRows":
    "Trop de lignes ({count}) : au plus {max}. Raccourcissez l’intervalle ou choisissez un détail moins fin.",
  "hx.error.unit": "Choisissez une unité de la liste.",
  "hx.error.level": "Choisissez un niveau de la liste.",
};

export const en: Record<keyof typeof fr, string> = {
  "hx.synthetic":
    "Demonstration data: these values are synthetic, made up for the example from a few published figures; they do not describe reality.",
  "hx.nav": "Indicators",
  "hx.title": "Indicator explorer",
  "hx.intro":
    "Pick an indicator, a unit and a period: the table gives each unit’s value for each period, with its numerator and denominator.",
  "hx.publicOnly": "You see the public indicators. Sign in to see the rest of the data.",
  "hx.dx": "Indicator",
  "hx.dx.indicators": "Indicators",
  "hx.dx.elements": "Data elements",
  "hx.dx.choose": "Choose…",
  "hx.ou": "Organisation unit",
  "hx.level": "Breakdown",
  "hx.level.self": "The unit itself",
  "hx.level.each": "Each {name} of the unit",
  "hx.pt": "Periods",
  "hx.pt.Monthly": "Months",
  "hx.pt.Quarterly": "Quarters",
  "hx.pt.Yearly": "Years",
  "hx.from": "From month",
  "hx.to": "To month",
  "hx.monthHint": "YYYY-MM",
  "hx.show": "Show",
  "hx.quarter": "Q{quarter} {year}",
  "hx.col.unit": "Unit",
  "hx.col.unitId": "Unit identifier",
  "hx.col.period": "Period",
  "hx.col.periodId": "Period identifier",
  "hx.col.value": "Value",
  "hx.col.numerator": "Numerator",
  "hx.col.denominator": "Denominator",
  "hx.col.numeratorShort": "Num.",
  "hx.col.denominatorShort": "Den.",
  "hx.subject": "{unit}, {from} – {to}",
  "hx.subject.level": "each {name} of {unit}",
  "hx.download": "Download the table:",
  "hx.download.csv": "CSV",
  "hx.download.xlsx": "Excel (XLSX)",
  "hx.api": "The same figures for a DHIS2 tool:",
  "hx.api.link": "analytics API (JSON)",
  "hx.chart": "Chart: {name}",
  "hx.chart.capped": "The chart shows {count} {count|unit|units}; the table shows them all.",
  "hx.chart.unavailable":
    "The chart could not be drawn (server busy); the table is complete. Reload the page in a moment.",
  "hx.empty.none":
    "No indicator is available yet. An administrator must first import the DHIS2 metadata (units, data elements, indicators), then the values.",
  "hx.empty.nonePublic":
    "No indicator is public yet. Come back later, or sign in if you have an account.",
  "hx.empty.choose": "Pick an indicator and a unit, then “Show”.",
  "hx.empty.noData":
    "No value for this choice. Widen the period, change the breakdown, or check that the values of these months are imported.",
  "hx.error.month": "Invalid month: write YYYY-MM, for example 2022-01.",
  "hx.error.order": "The last month comes before the first.",
  "hx.error.tooMany":
    "Too many periods: at most {max}. Shorten the range or choose longer periods.",
  "hx.error.tooManyRows":
    "Too many rows ({count}): at most {max}. Shorten the range or choose a coarser breakdown.",
  "hx.error.unit": "Choose a unit from the list.",
  "hx.error.level": "Choose a level from the list.",
};
