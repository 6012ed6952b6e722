// Mali 2022 demo: the acronyms of the report and the coordinator's report texts, rewritten in
// our own words (French) and translated (English). Figures are never typed here: the texts
// quote them as {placeholders} that the report fills from the data.
import type { World } from "../world.ts";

export const acronyms: NonNullable<World["acronyms"]> = [
  {
    acronym: "UCPO",
    expansion: {
      fr: "Unité de coordination du Partenariat de Ouagadougou",
      en: "Ouagadougou Partnership Coordination Unit",
    },
  },
  {
    acronym: "ONASR",
    expansion: {
      fr: "Office national de la santé de la reproduction",
      en: "National Office of Reproductive Health",
    },
  },
  {
    acronym: "MSDS",
    expansion: {
      fr: "Ministère de la Santé et du Développement social",
      en: "Ministry of Health and Social Development",
    },
  },
  {
    acronym: "CS4FP",
    expansion: { fr: "Civil Society for Family Planning", en: "Civil Society for Family Planning" },
  },
  {
    acronym: "HP+",
    expansion: {
      fr: "Health Policy Plus (projet de l'USAID)",
      en: "Health Policy Plus (a USAID project)",
    },
  },
  {
    acronym: "OSC",
    expansion: { fr: "Organisation de la société civile", en: "Civil society organisation" },
  },
  { acronym: "PF", expansion: { fr: "Planification familiale", en: "Family planning" } },
  { acronym: "SR", expansion: { fr: "Santé de la reproduction", en: "Reproductive health" } },
  {
    acronym: "SR/PF",
    expansion: {
      fr: "Santé de la reproduction et planification familiale",
      en: "Reproductive health and family planning",
    },
  },
  {
    acronym: "MLDA",
    expansion: { fr: "Méthode de longue durée d'action", en: "Long-acting contraceptive method" },
  },
  {
    acronym: "DMPA-SC",
    expansion: {
      fr: "Acétate de médroxyprogestérone en dépôt, par voie sous-cutanée",
      en: "Subcutaneous depot medroxyprogesterone acetate",
    },
  },
  {
    acronym: "PFPP",
    expansion: { fr: "Planification familiale du post-partum", en: "Postpartum family planning" },
  },
  {
    acronym: "PFPA",
    expansion: {
      fr: "Planification familiale du post-abortum",
      en: "Post-abortion family planning",
    },
  },
  {
    acronym: "PTF",
    expansion: {
      fr: "Partenaires techniques et financiers",
      en: "Technical and financial partners",
    },
  },
  {
    acronym: "SDADME",
    expansion: {
      fr: "Schéma directeur d'approvisionnement et de distribution des médicaments essentiels",
      en: "Master plan for the supply and distribution of essential medicines",
    },
  },
  {
    acronym: "PPD",
    expansion: {
      fr: "Partenariat population et développement",
      en: "Partners in Population and Development",
    },
  },
  {
    acronym: "CCSC",
    expansion: {
      fr: "Communication pour le changement social et de comportement",
      en: "Social and behaviour change communication",
    },
  },
  {
    acronym: "GFPVAN",
    expansion: {
      fr: "Global Family Planning Visibility and Analytics Network",
      en: "Global Family Planning Visibility and Analytics Network",
    },
  },
  {
    acronym: "TPCm",
    expansion: {
      fr: "Taux de prévalence contraceptive moderne",
      en: "Modern contraceptive prevalence rate (mCPR)",
    },
  },
  {
    acronym: "SSR",
    expansion: { fr: "Santé sexuelle et reproductive", en: "Sexual and reproductive health" },
  },
  {
    acronym: "SRAJ",
    expansion: {
      fr: "Santé de la reproduction des adolescents et des jeunes",
      en: "Adolescent and youth reproductive health",
    },
  },
  {
    acronym: "DSSR",
    expansion: {
      fr: "Droits et santé sexuels et reproductifs",
      en: "Sexual and reproductive health and rights",
    },
  },
  {
    acronym: "VBG",
    expansion: { fr: "Violences basées sur le genre", en: "Gender-based violence" },
  },
  {
    acronym: "PNP",
    expansion: { fr: "Politiques, normes et procédures", en: "Policies, norms and procedures" },
  },
  {
    acronym: "DPM",
    expansion: {
      fr: "Direction de la pharmacie et du médicament",
      en: "Directorate of Pharmacy and Medicines",
    },
  },
  {
    acronym: "PPM",
    expansion: { fr: "Pharmacie populaire du Mali", en: "People's Pharmacy of Mali" },
  },
  {
    acronym: "DNP",
    expansion: {
      fr: "Direction nationale de la population",
      en: "National Directorate of Population",
    },
  },
  {
    acronym: "CIPD",
    expansion: {
      fr: "Conférence internationale sur la population et le développement",
      en: "International Conference on Population and Development",
    },
  },
  {
    acronym: "RMA",
    expansion: { fr: "Rapport mensuel d'activités", en: "Monthly activity report" },
  },
];

export const texts: NonNullable<World["texts"]> = {
  acknowledgements: {
    fr: "Le Groupe Pivot Santé Population remercie le gouvernement du Mali, et en particulier le MSDS, pour son soutien, ainsi que l'ONASR pour son accompagnement tout au long du suivi.\nCe travail a pu être mené grâce à l'appui financier et logistique de l'UCPO, de CS4FP et du projet HP+ de l'USAID. Nos remerciements vont aussi aux PTF et aux OSC, dont les contributions ont permis de mesurer où en sont les engagements FP2030 du Mali.",
    en: "Groupe Pivot Santé Population thanks the government of Mali, and the MSDS in particular, for its support, and ONASR for its guidance throughout the tracking.\nThe work was made possible by financial and logistical support from the UCPO, CS4FP and USAID's HP+ project. Our thanks also go to the technical and financial partners and to the civil society organisations whose contributions made it possible to measure where Mali's FP2030 commitments stand.",
  },
  context: {
    fr: "La planification familiale permet aux femmes et aux couples d'espacer les naissances et d'éviter les grossesses à risque ou non désirées ; elle améliore ainsi la santé des mères et des enfants et soutient le développement économique et social du pays.\nAprès les engagements du sommet de Londres de 2012, renouvelés en 2017, les pays du Partenariat de Ouagadougou ont été invités en 2021 à prendre de nouveaux engagements jusqu'en 2030. Le Mali a élaboré, validé, lancé et diffusé les siens en suivant les six étapes du Motion Tracker, avec le {organisation} comme organisation neutre chargée du suivi.",
    en: "Family planning lets women and couples space births and avoid risky or unwanted pregnancies; it improves the health of mothers and children and supports the country's economic and social development.\nAfter the commitments of the 2012 London summit, renewed in 2017, the Ouagadougou Partnership countries were invited in 2021 to make new commitments running to 2030. Mali drafted, validated, launched and disseminated its own by following the six steps of the Motion Tracker, with {organisation} as the neutral organisation in charge of tracking them.",
  },
  objectives: {
    fr: "- Créer les conditions pour que les engagements pris au niveau mondial se traduisent en actions dans le pays.\n- Mobiliser ensemble la société civile, les PTF et le gouvernement pour tenir les engagements du Mali.\n- Installer une manière systématique de suivre et de réaliser ces engagements.",
    en: "- Create the conditions for commitments made at global level to turn into action in the country.\n- Bring civil society, technical and financial partners and the government together to keep Mali's commitments.\n- Establish a systematic way of tracking and fulfilling those commitments.",
  },
  expected_results: {
    fr: "- Les OSC, les organisations communautaires, les ONG internationales, les PTF et le ministère chargé de la santé participent au suivi des engagements en SR/PF.\n- Le Mali rend mieux compte des engagements qu'il a pris au niveau mondial.\n- Tous les acteurs connaissent le niveau d'atteinte des engagements et les blocages identifiés.\n- Des recommandations utiles sont formulées pour mieux tenir ces engagements.",
    en: "- Civil society and community organisations, international NGOs, technical and financial partners and the health ministry take part in tracking the reproductive health and family planning commitments.\n- Mali is more accountable for the commitments it made at global level.\n- Every stakeholder knows how far the commitments have been met and which bottlenecks were found.\n- Useful recommendations are made for keeping the commitments better.",
  },
  methodology: {
    fr: "Après la cartographie des acteurs, les partenaires ont été retenus pendant la phase de déconstruction selon leurs domaines d'intervention et les indicateurs qu'ils pouvaient renseigner. Le coordinateur du Motion Tracker a recueilli des données primaires au moyen du questionnaire de l'annexe 1, lors d'entretiens avec des informateurs clés, et des données secondaires par une revue documentaire (documents de projet, revues sectorielles, déclarations de politique, comptes rendus de réunions, suivis existants comme Track20).",
    en: "After mapping the stakeholders, partners were selected during the deconstruction phase according to their fields of work and the indicators they could report on. The Motion Tracker coordinator gathered primary data with the questionnaire in annex 1, in interviews with key informants, and secondary data through a document review (project documents, sector reviews, policy statements, meeting minutes, existing tracking such as Track20).",
  },
  highlights: {
    fr: "- La création de l'ONASR a renforcé l'engagement politique et mobilisé de nombreux PTF.\n- Une charte d'engagement pour créer une ligne budgétaire consacrée aux produits de SR/PF a été élaborée et signée.\n- Le régime d'assurance maladie universelle ouvre l'accès aux contraceptifs inscrits sur la liste des médicaments remboursés, y compris en situation de crise.\n- Le projet BKN2 a été lancé à Ségou le 3 mars 2022 ; 20 nouvelles écoles des maris ont été créées dans quatre régions.\n- Des services ont été offerts dans les camps de déplacés de Niamana, et l'approche centrée sur l'humain (HCD) a été introduite dans la sensibilisation.",
    en: "- The creation of ONASR strengthened political commitment and brought in many technical and financial partners.\n- A charter committing to a budget line for reproductive health and family planning products was drafted and signed.\n- Universal health insurance opens access to the contraceptives on the list of reimbursed medicines, including in crises.\n- The BKN2 project was launched in Ségou on 3 March 2022; 20 new husbands' schools were set up in four regions.\n- Services were offered in the Niamana displaced-persons camps, and human-centred design (HCD) was brought into awareness work.",
  },
  synthesis: {
    fr: "Pour la période {cycle}, les partenaires ont mené de nombreuses actions, en particulier sur les engagements 1, 2, 5 et 6. Il faut maintenir cet élan sur les indicateurs en bonne voie et redoubler d'efforts sur certains indicateurs des engagements 3 et 4.",
    en: "For {cycle}, partners carried out many activities, especially on commitments 1, 2, 5 and 6. That momentum must be kept on the indicators that are on track, and more effort is needed on some indicators of commitments 3 and 4.",
  },
  conclusion: {
    fr: "Ce premier rapport sur les engagements FP2030 du Mali doit beaucoup au choix du gouvernement de suivre ses engagements avec le Motion Tracker, à la désignation transparente d'une organisation neutre, et à des ateliers de déconstruction et de validation ouverts à toutes les parties prenantes de la PF.\nSur les {commitments} engagements, {commitments_on_track} sont réalisés ou en bonne voie, grâce à l'implication des {partners} organisations contributrices sous le leadership du MSDS. Il reste cependant des défis à relever pour que le Mali tienne pleinement les engagements pris dans le cadre de FP2030.",
    en: "This first report on Mali's FP2030 commitments owes much to the government's choice to track its commitments with the Motion Tracker, to the transparent designation of a neutral organisation, and to deconstruction and validation workshops open to every family planning stakeholder.\nOf the {commitments} commitments, {commitments_on_track} are achieved or on track, thanks to the involvement of the {partners} contributing organisations under the leadership of the MSDS. Challenges remain, however, before Mali fully keeps the commitments it made under FP2030.",
  },
};
