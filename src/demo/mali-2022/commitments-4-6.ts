// Mali 2022 demo: commitments 4 to 6, their indicators, statuses and partner contributions.
import type { WorldCommitment } from "../world.ts";
import { contribution } from "./partners.ts";

export const commitments4to6: WorldCommitment[] = [
  {
    number: 4,
    title: {
      fr: "D'ici 2030, permettre à tous d'obtenir des produits contraceptifs, y compris en situation de crise",
      en: "By 2030, make contraceptive products available to everyone, including in crisis situations",
    },
    goals: [],
    indicators: [
      {
        code: "h",
        title: {
          fr: "Stratégie de réponse d'urgence et plan de sécurisation des produits SR/PF tenant compte de la situation humanitaire",
          en: "Emergency response strategy and SR/FP product security plan that take the humanitarian situation into account",
        },
        buildingBlocks: ["essential_medicines", "leadership_governance"],
        status: "achieved",
        narrative: {
          fr: "Sous le leadership de la DPM, l'AMPPF a mis en place un dispositif minimum d'urgence pour les crises ; d'autres ONG ont mené des stratégies avancées jusque dans les camps de déplacés, et l'État a organisé la distribution jusqu'au dernier kilomètre.",
          en: "Under the leadership of the Directorate of Pharmacy and Medicines, AMPPF set up a minimum initial service package for crises; other NGOs ran outreach as far as displacement camps, and the state organised last-mile distribution.",
        },
        contributions: [
          contribution(
            "amppf",
            "Stratégie d'offre de services SR intégrés pour les populations pauvres, marginalisées et mal desservies, inscrite dans ses politiques ; recours à son dispositif minimum d'urgence (DMU) en situation de crise.\nSorties en stratégie avancée pour offrir des services SR dans les camps de déplacés.",
            { collaborators: ["dpm"] },
          ),
        ],
      },
      {
        code: "i",
        title: {
          fr: "Stratégies de plaidoyer pour que l'État finance l'achat de produits contraceptifs",
          en: "Advocacy strategies for state funding of contraceptive purchases",
        },
        buildingBlocks: ["health_financing", "leadership_governance"],
        status: "on_track",
        narrative: {
          fr: "Les ministères de la Santé et de l'Économie et des Finances ont signé avec UNFPA Supplies un COMPACT qui prévoit de financer sur le budget de l'État 1 % des besoins annuels d'achat de contraceptifs. L'État a aussi acheté des contraceptifs et des consommables pour la campagne nationale de PF.",
          en: "The ministries of Health and of Economy and Finance signed a COMPACT with UNFPA Supplies under which the state budget pays for 1% of annual contraceptive purchasing needs. The state also bought contraceptives and supplies for the national family planning campaign.",
        },
        contributions: [
          contribution(
            "msds",
            "Constat : la santé reçoit moins de 6 % du budget national.\nSignature, avec le ministère de l'Économie et des Finances, du COMPACT UNFPA Supplies, qui prévoit de couvrir sur le budget de l'État 1 % des besoins annuels d'achat de contraceptifs ; achat de contraceptifs et de consommables sur le budget de l'État pour la campagne nationale de PF.",
            {
              collaborators: ["unfpa"],
              collaboratorsText: "Budget de l'État",
              outputs: [
                { value: 1, unit: "% des besoins annuels d'achat de contraceptifs (COMPACT)" },
              ],
            },
          ),
          contribution("dnp", "Apport des résultats de ses travaux d'études et de recherche."),
        ],
      },
    ],
  },
  {
    number: 5,
    title: {
      fr: "Maintenir les services de SR/PF et de santé reproductive des adolescents et des jeunes (SRAJ) pendant les situations d'urgence",
      en: "Keep reproductive health, family planning and youth reproductive health services running during emergencies",
    },
    // The report states no figure for this commitment; the goal, its 2022 baseline (the health
    // data's own figure) and its 2030 target are the demo's (docs/DEMO-DATA.md).
    goals: [
      {
        indicator: {
          fr: "Taux d’accouchements assistés par du personnel qualifié",
          en: "Skilled birth attendance rate",
        },
        unit: "%",
        baselineValue: 59.1,
        baselineYear: 2022,
        baselineSource: "DHIS2",
        targetValue: 80,
        targetYear: 2030,
        series: "sba-ml",
      },
    ],
    indicators: [
      {
        code: "j",
        title: {
          fr: "Mise en œuvre des activités du plan de contingence PF",
          en: "Carrying out the activities of the family planning contingency plan",
        },
        buildingBlocks: ["service_delivery", "leadership_governance"],
        status: "achieved",
        narrative: {
          fr: "Avec plusieurs structures, le ministère de la Santé a déployé un dispositif minimum d'urgence dans les régions en contexte humanitaire (création de la demande, offre intégrée de SR/PF) et formé le personnel de tous les niveaux de la pyramide sanitaire à l'offre de services en urgence. À Tombouctou, un plaidoyer a visé l'intégration du paquet SR/PF d'urgence.",
          en: "With several organisations, the Ministry of Health rolled out a minimum initial service package in regions facing humanitarian crises (demand creation, integrated SR/FP services) and trained staff at every level of the health system to deliver services in emergencies. In Timbuktu, advocacy pressed for the emergency SR/FP package to be adopted.",
        },
        contributions: [
          contribution(
            "dnp",
            "Enquête sur les mutilations génitales féminines menée dans la région de Tombouctou.",
          ),
          contribution(
            "unfpa",
            "Maternités SONU dans les zones en situation d'urgence (achat des équipements en cours) et déploiement de sages-femmes dans les régions de Kayes, Koulikoro, Sikasso et Ségou.\nSoutien à l'ONASR dans sa démarche pour créer la ligne budgétaire.\nExécution en cours du projet « dernier kilomètre » (CIPD8).",
            { collaborators: ["onasr"] },
          ),
          contribution(
            "msi",
            "Plaidoyer pour que les autorités politiques et administratives de la région de Tombouctou intègrent le paquet de services SR/PF d'urgence.",
          ),
          contribution(
            "amppf",
            "Mise en place, au sein de l'AMPPF, d'un dispositif minimum d'urgence (DMU) pour répondre aux besoins des populations en situation de crise.",
          ),
          contribution(
            "jhpiego",
            "Appui à la promotion du DMPA-SC (élaboration et adoption des documents de politique sur l'auto-injection) et à son passage à l'échelle au Mali.",
          ),
          contribution("intrahealth", "Appui au ministère de la Santé, par l'ONASR.", {
            collaborators: ["msds", "onasr"],
          }),
          contribution(
            "psat-canada",
            "Déploiement de cliniques mobiles au service du projet Spotlight+.",
          ),
        ],
      },
      {
        code: "k",
        title: {
          fr: "Capitalisation et gestion des connaissances sur les pratiques à haut impact",
          en: "Capturing and sharing knowledge on high-impact practices",
        },
        buildingBlocks: ["service_delivery", "health_information"],
        status: "on_track",
        narrative: {
          fr: "Les partenaires ont préparé des journées de capitalisation des pratiques à haut impact en SR/PF (approche HCD, écoles des maris, MS Ladies, CFU, maisons d'attente, Dambé Muso, YES), fait la synthèse des pratiques retenues par la commission nationale pour un passage à l'échelle et en ont proposé certaines pour une diffusion internationale.",
          en: "Partners prepared knowledge-sharing days on high-impact SR/FP practices (human-centred design, husbands' schools, MS Ladies, CFU, maternity waiting homes, Dambé Muso, YES), summarised the practices the national commission chose to scale up, and put some forward for international sharing.",
        },
        contributions: [
          contribution(
            "onasr",
            "Préparation, en cours, des journées de capitalisation des bonnes pratiques en SR, surtout en PF : approche Human Centered Design (HCD) pour repérer les services adaptés aux besoins de la population, écoles des maris, MS Ladies, CFU, maisons d'attente, Dambé Muso, YES.",
            { collaborators: ["msi"] },
          ),
          contribution(
            "dnp",
            "Étude nationale répertoriant les zones où l'excision n'est pas pratiquée, et suivi des villages qui ont fait une déclaration publique sur les MGF.",
          ),
          contribution("unfpa", "Sages-femmes communautaires envoyées sur le terrain."),
          contribution("msi", "Agents logistiques recrutés et affectés sur le terrain."),
          contribution("amppf", "Tournage d'un film documentaire sur les bonnes pratiques."),
        ],
      },
      {
        code: "l",
        title: {
          fr: "Distribution des produits contraceptifs dans les zones de crise",
          en: "Distributing contraceptives in crisis areas",
        },
        buildingBlocks: ["essential_medicines"],
        status: "achieved",
        narrative: {
          fr: "Avec un engagement fort du gouvernement, des équipes mobiles en stratégie avancée ont desservi les régions du Nord tout au long de 2022, y compris pendant la campagne nationale de PF, et l'État a acheté des contraceptifs sur son budget. Prochaine étape : profiter de la mise en place du Régime d'assurance maladie universelle (RAMU) pour inscrire tous les contraceptifs sur la liste des médicaments remboursés par l'assurance maladie obligatoire.",
          en: "With strong government commitment, mobile outreach teams served the northern regions throughout 2022, including during the national family planning campaign, and the state bought contraceptives from its own budget. Next step: use the roll-out of universal health insurance (RAMU) to put every contraceptive on the list of medicines reimbursed by compulsory health insurance.",
        },
        contributions: [
          contribution(
            "onasr",
            "Avec la DPM et la PPM : concertation entre partenaires pour coordonner la création de la demande (sensibilisation) et l'offre de services par les prestataires des structures partenaires.\nPassage à l'échelle du projet « dernier kilomètre » de l'UNFPA et du projet SWEDD.\nAchat de contraceptifs sur le budget de l'État.",
            {
              collaborators: [
                "dpm",
                "ppm",
                "psi",
                "msi",
                "amppf",
                "caeb",
                "jigi",
                "debo-alafia",
                "aen",
                "unfpa",
                "oms",
              ],
            },
          ),
          contribution(
            "msi",
            "Appui à l'approvisionnement et à la distribution des contraceptifs dans les régions de Tombouctou, Koulikoro, Ségou et Mopti.\nContraceptifs et consommables PF fournis pour les activités en centre fixe, les sorties d'équipes mobiles et les journées promotionnelles dans les CSCom, CSRéf et cliniques privées des 6 communes de Bamako et des régions de Kayes, Koulikoro, Sikasso, Ségou et Mopti.",
          ),
          contribution("amppf", "Tournage d'un film documentaire sur les bonnes pratiques."),
          contribution(
            "psi",
            "Contraceptifs et consommables PF fournis pour les activités en centre fixe, les sorties d'équipes mobiles et les journées promotionnelles dans les CSCom, CSRéf et cliniques privées des 6 communes de Bamako et des régions de Kayes, Koulikoro, Sikasso, Ségou et Mopti.",
          ),
        ],
      },
    ],
  },
  {
    number: 6,
    title: {
      fr: "Couvrir chaque année jusqu'en 2025, sur le budget de l'État, au moins 20 % des besoins d'achat de produits contraceptifs",
      en: "Pay for at least 20% of contraceptive purchasing needs from the state budget every year until 2025",
    },
    goals: [
      {
        indicator: {
          fr: "Part des besoins d'achat de contraceptifs financée par le budget de l'État",
          en: "Share of contraceptive purchasing needs funded from the state budget",
        },
        unit: "%",
        baselineValue: null,
        baselineYear: null,
        baselineSource: null,
        targetValue: 20,
        targetYear: 2025,
      },
    ],
    indicators: [
      {
        code: "m",
        title: {
          fr: "Plaidoyer auprès du ministère de la Santé et du Développement social pour une ligne budgétaire PF",
          en: "Advocacy with the Ministry of Health and Social Development for a family planning budget line",
        },
        buildingBlocks: ["leadership_governance", "health_financing"],
        status: "achieved",
        narrative: {
          fr: "Le plaidoyer a obtenu un engagement fort du gouvernement, autour d'un mot d'ordre invitant les décideurs à agir sans attendre et à investir durablement dans la SR/PF.",
          en: "Advocacy won a strong government commitment, rallied around a call for decision-makers to act now and invest in reproductive health and family planning for the long term.",
        },
        contributions: [
          contribution("msds", null),
          contribution(
            "onasr",
            "Atelier de plaidoyer sur le financement de la PF, à Bamako et dans les régions, auprès des plus hautes autorités et des décideurs ; atelier de plaidoyer pour l'inclusion des produits PF dans l'AMO et le RAMU.\nÀ Ségou, plaidoyer communautaire en faveur de la PF auquel ont pris part des soignants, des groupements de femmes, des représentants de la justice, des policiers et des gendarmes.",
            { collaborators: ["unfpa"], collaboratorsText: "BKN2" },
          ),
          contribution(
            "dnp",
            "Suivi de la mise en œuvre des engagements que le Mali a pris au sommet de Nairobi sur la CIPD+25.",
          ),
          contribution(
            "amppf",
            "En tant que membre de la coalition OSC/PF, mobilisation de ressources auprès des PTF nationaux et internationaux pour pérenniser ses programmes destinés aux populations pauvres, marginalisées, vulnérables et mal desservies.\nSuivi, lui aussi, des engagements pris par le Mali au sommet de Nairobi sur la CIPD+25.",
            { collaborators: ["osc-pf"] },
          ),
          contribution(
            "jhpiego",
            "Plan de mobilisation des ressources pour le plan d'accélération du DMPA-SC ; appui au ministère de la Santé pour organiser une table ronde des partenaires autour de ce plan.",
            { collaborators: ["msds"] },
          ),
          contribution(
            "projet-jeune",
            "Plaidoyer auprès du ministère de la Santé, à la suite duquel l'État s'est engagé à augmenter de 20 % l'achat de contraceptifs et l'effort consacré à la campagne de PF.",
            {
              collaborators: ["msds"],
              outputs: [{ value: 20, unit: "% d'augmentation des achats promise par l'État" }],
            },
          ),
        ],
      },
      {
        code: "n",
        title: {
          fr: "Mise en œuvre des activités de la stratégie de mobilisation des ressources",
          en: "Carrying out the activities of the resource mobilisation strategy",
        },
        buildingBlocks: ["health_financing"],
        status: "on_track",
        narrative: {
          fr: "Avec l'appui du ministère de la Santé, des acteurs ont plaidé auprès du secteur privé et des élus locaux pour mobiliser des ressources nationales, tenu une journée de plaidoyer pour une ligne budgétaire réservée aux produits SR/PF et préparé un plan d'action de mobilisation des ressources pour les engagements de la CIPD+25, en lien avec les ODD et le CREDD.",
          en: "With the Ministry of Health's support, stakeholders lobbied private partners and local elected officials for domestic resources, held an advocacy day for a budget line dedicated to SR/FP products, and prepared a resource mobilisation action plan for the ICPD+25 commitments, linked to the SDGs and Mali's CREDD strategy.",
        },
        contributions: [
          contribution(
            "onasr",
            "Organisation d'une journée de plaidoyer demandant qu'une ligne du budget finance spécifiquement les produits SR/PF.",
            { collaborators: ["unfpa"] },
          ),
          contribution(
            "dnp",
            "Rédaction d'un plan d'action pour trouver les ressources nécessaires aux engagements de la CIPD+25, articulé avec les ODD et le CREDD.",
          ),
          contribution("unfpa", "Le COMPACT a été signé avec le gouvernement.", {
            collaborators: ["msds"],
          }),
          contribution(
            "jhpiego",
            "Plaidoyer auprès du secteur privé et des élus locaux pour mobiliser des ressources nationales.",
          ),
          contribution(
            "intrahealth",
            "Soumission à plusieurs bailleurs, notamment l'USAID et l'ambassade des Pays-Bas, de propositions pour mobiliser des ressources.",
            { collaborators: ["usaid", "pays-bas"] },
          ),
        ],
      },
      {
        code: "o",
        title: {
          fr: "Allocation annuelle de fonds à la PF",
          en: "Annual funding allocated to family planning",
        },
        buildingBlocks: ["health_financing"],
        status: "on_track",
        narrative: {
          fr: "En 2022, 67 500 000 FCFA ont été alloués à la PF au Mali : 33 000 000 FCFA par l'État et 34 500 000 FCFA par les partenaires.",
          en: "In 2022 Mali allocated 67,500,000 FCFA to family planning: 33,000,000 FCFA from the state and 34,500,000 FCFA from partners.",
        },
        contributions: [
          contribution("msds", "33 000 000 FCFA inscrits en 2022 au profit de la PF.", {
            outputs: [{ value: 33000000, unit: "FCFA" }],
          }),
        ],
      },
    ],
  },
];
