// The annual report's sentences for the verdicts, trends, matrix, response rates, partner
// annex, follow-up of recommendations and the data annex's new sheets, in French and English.

export const fr = {
  "verdictRule.title": "Appréciation des engagements",
  "verdictRule.text":
    "L’appréciation d’un engagement découle des statuts de ses indicateurs : en retard dès qu’un indicateur n’est pas sur la bonne voie ; réalisé quand tous ses indicateurs sont réalisés ; non évalué quand aucun n’est évalué ; en bonne voie dans les autres cas (indicateurs réalisés et sur la bonne voie, ou certains pas encore évalués).",
  "verdictRule.override":
    "La réunion de validation peut retenir une autre appréciation en la motivant : le rapport donne alors l’appréciation validée, l’appréciation calculée et la raison.",
  "verdict.validated": "Appréciation validée par la réunion ; appréciation calculée : {computed}.",
  "verdict.reason": "Raison : {reason}",
  "verdict.computedNote": "calculée : {computed}",
  "recap.verdict": "Appréciation de l’engagement",

  "trends.title": "Évolution d’un cycle à l’autre",
  "trends.intro":
    "Statut de chaque indicateur de processus sur {count} {count|cycle|cycles}, du plus ancien au présent rapport.",
  "trends.change": "Évolution",
  "trends.up": "↑ progrès",
  "trends.down": "↓ recul",
  "trends.same": "= stable",
  "trends.verdicts": "Appréciation des engagements par cycle",
  "trends.outcomes": "Objectifs de résultat : série, base, cible et trajectoire",
  "trends.outcomeLine": "Base : {baseline} · cible : {target}",
  "trends.estimate": "Estimations",
  "trends.survey": "Enquêtes",
  "trends.trajectory": "Trajectoire base → cible",
  "trends.target": "Cible",
  "trends.noOutcome": "Aucun objectif de résultat n’est suivi par une série de données.",

  "matrix.title": "Tableau de bord : engagements et indicateurs",
  "matrix.intro":
    "Une ligne par engagement : son appréciation, puis le statut de chacun de ses indicateurs.",
  "matrix.indicator": "Indicateur {n}",

  "rates.title": "Taux de réponse",
  "rates.text":
    "{asked} {asked|organisation a été sollicitée|organisations ont été sollicitées} et {answered} {answered|a répondu|ont répondu} ; sur {pairs} {pairs|demande|demandes} (organisation × indicateur), {pairsAnswered} {pairsAnswered|a reçu|ont reçu} une réponse ({percent} %).",
  "rates.asked": "Sollicitées",
  "rates.answered": "Ont répondu",
  "rates.answers": "Réponses",
  "rates.rate": "Taux",
  "rates.silent": "Sans réponse",
  "rates.contributors": "Contributrices",

  "partners.title": "Annexe 2 : contributions par partenaire",
  "partners.intro":
    "Chaque partenaire sollicité, avec toutes ses contributions de la période ; puis la grille des partenaires et des indicateurs.",
  "partners.head":
    "{name} — {category} · {answered} sur {asked} {asked|indicateur|indicateurs} {answered|renseigné|renseignés}",
  "partners.none": "Aucune contribution rapportée.",
  "partners.grid": "Grille partenaires × indicateurs",
  "partners.gridKey":
    "● contribution rapportée · ○ a répondu sans contribution · ? sollicité, sans réponse · vide : non sollicité.",
  "partners.evidence": "Preuve : {link}",
  "partners.alsoUnder": "aussi déclaré sous {list}",

  "followUp.title": "Suivi des recommandations de {year}",
  "followUp.recommendation": "Recommandation",
  "followUp.status": "Où elle en est",
  "followUp.note": "Commentaire",
  "followUp.done": "Mise en œuvre",
  "followUp.in_progress": "En cours",
  "followUp.not_started": "Non entamée",
  "followUp.unknown": "Non suivie",

  "sheet.goals": "Séries des objectifs",
  "sheet.commitments": "Engagements",
  "sheet.partners": "Partenaires",
  "table.normalisedUnit": "Unité normalisée",
  "table.doubleCount": "Double compte probable",
  "table.verdict": "Appréciation validée",
  "table.computedVerdict": "Appréciation calculée",
  "table.reason": "Raison",
  "table.name": "Nom",
  "table.acronym": "Sigle",
  "table.contributions": "Contributions",
  "table.goal": "Objectif",
  "table.baselineYear": "Base (année)",
  "table.baselineValue": "Base",
  "table.targetYear": "Cible (année)",
  "table.targetValue": "Cible",
  "table.evidence": "Preuves",
};

export const en: Record<keyof typeof fr, string> = {
  "verdictRule.title": "Commitment verdicts",
  "verdictRule.text":
    "A commitment’s verdict follows from its indicators’ statuses: lagging as soon as one indicator is off track; achieved when all its indicators are achieved; not assessed when none is assessed; on track otherwise (indicators achieved and on track, or some not assessed yet).",
  "verdictRule.override":
    "The validation meeting may settle on another verdict and give its reason: the report then shows the validated verdict, the computed one and the reason.",
  "verdict.validated": "Verdict validated by the meeting; computed verdict: {computed}.",
  "verdict.reason": "Reason: {reason}",
  "verdict.computedNote": "computed: {computed}",
  "recap.verdict": "Commitment verdict",

  "trends.title": "Trends across cycles",
  "trends.intro":
    "Each process indicator’s status over {count} {count|cycle|cycles}, from the oldest to this report.",
  "trends.change": "Change",
  "trends.up": "↑ better",
  "trends.down": "↓ worse",
  "trends.same": "= same",
  "trends.verdicts": "Commitment verdicts by cycle",
  "trends.outcomes": "Outcome goals: series, baseline, target and trajectory",
  "trends.outcomeLine": "Baseline: {baseline} · target: {target}",
  "trends.estimate": "Estimates",
  "trends.survey": "Surveys",
  "trends.trajectory": "Trajectory baseline → target",
  "trends.target": "Target",
  "trends.noOutcome": "No outcome goal is followed by a data series.",

  "matrix.title": "Dashboard: commitments and indicators",
  "matrix.intro": "One row per commitment: its verdict, then the status of each of its indicators.",
  "matrix.indicator": "Indicator {n}",

  "rates.title": "Response rates",
  "rates.text":
    "{asked} {asked|organisation was|organisations were} asked and {answered} answered; of {pairs} {pairs|request|requests} (organisation × indicator), {pairsAnswered} {pairsAnswered|was|were} answered ({percent}%).",
  "rates.asked": "Asked",
  "rates.answered": "Answered",
  "rates.answers": "Answers",
  "rates.rate": "Rate",
  "rates.silent": "No answer",
  "rates.contributors": "Contributors",

  "partners.title": "Annex 2: contributions by partner",
  "partners.intro":
    "Every partner asked, with all its contributions for the period; then the grid of partners and indicators.",
  "partners.head":
    "{name} — {category} · {answered} of {asked} {asked|indicator|indicators} answered",
  "partners.none": "No contribution reported.",
  "partners.grid": "Partner × indicator grid",
  "partners.gridKey":
    "● contribution reported · ○ answered, no contribution · ? asked, no answer · blank: not asked.",
  "partners.evidence": "Evidence: {link}",
  "partners.alsoUnder": "also reported under {list}",

  "followUp.title": "Follow-up of the {year} recommendations",
  "followUp.recommendation": "Recommendation",
  "followUp.status": "Where it stands",
  "followUp.note": "Comment",
  "followUp.done": "Done",
  "followUp.in_progress": "In progress",
  "followUp.not_started": "Not started",
  "followUp.unknown": "Not followed up",

  "sheet.goals": "Goal series",
  "sheet.commitments": "Commitments",
  "sheet.partners": "Partners",
  "table.normalisedUnit": "Normalised unit",
  "table.doubleCount": "Likely double count",
  "table.verdict": "Validated verdict",
  "table.computedVerdict": "Computed verdict",
  "table.reason": "Reason",
  "table.name": "Name",
  "table.acronym": "Acronym",
  "table.contributions": "Contributions",
  "table.goal": "Goal",
  "table.baselineYear": "Baseline (year)",
  "table.baselineValue": "Baseline",
  "table.targetYear": "Target (year)",
  "table.targetValue": "Target",
  "table.evidence": "Evidence",
};
