// Mali 2022 demo: commitments 1 to 3, their indicators, statuses and partner contributions.
import type { WorldCommitment } from "../world.ts";
import { contribution } from "./partners.ts";

export const commitments1to3: WorldCommitment[] = [
  {
    number: 1,
    title: {
      fr: "Faire une place à la SR/PF dans toutes les politiques et tous les cadres stratégiques « population et développement » du Mali",
      en: "Give reproductive health and family planning a place in every population-and-development policy and strategic framework in Mali",
    },
    goals: [],
    indicators: [
      {
        code: "a",
        title: {
          fr: "Plaidoyer pour l'intégration de la PF dans les politiques et les cadres stratégiques",
          en: "Advocacy sessions for integrating family planning into policies and strategic frameworks",
        },
        buildingBlocks: ["leadership_governance"],
        status: "achieved",
        narrative: {
          fr: "Le plaidoyer a débouché sur un plan d'action PF, sur la révision des Politiques, normes et procédures (PNP) en santé de la reproduction et sur une campagne nationale de PF. L'UNICEF et l'OMS ont apporté un appui financier.",
          en: "Advocacy produced a family planning action plan, a revision of the reproductive health Policies, Norms and Procedures (PNP) and a national family planning campaign. UNICEF and WHO provided financial support.",
        },
        contributions: [
          contribution(
            "msds",
            "Avec l'aide des partenaires, le ministère a préparé, fait valider et publié le plan d'action national de PF.",
          ),
          contribution(
            "onasr",
            "Appui à la révision des Politiques, normes et procédures en santé de la reproduction (PNP/SR) et participation à leur rédaction ; formation des formateurs nationaux, puis diffusion des PNP/SR révisées auprès des acteurs des régions de Kayes, Koulikoro, Sikasso, Ségou et Mopti.\nContribution à l'installation du comité technique chargé des nouveaux engagements du Mali ; organisation de la campagne nationale de PF, appuyée par un groupe thématique SR/PF ; participation à l'élaboration du plan SRMNIA-Nut.\nConduite, avec les partenaires clés, des ateliers de déconstruction des anciens engagements et de construction des nouveaux ; travaux de révision de la loi SR avec les autres partenaires.",
            { collaborators: ["usaid", "oms", "unicef", "msi", "unfpa"] },
          ),
          contribution(
            "dnp",
            "Suivi de la mise en œuvre des engagements de la CIPD+25.\nCélébration, avec des sketchs, de la Journée mondiale de la population (11 juillet) et de la journée du Partenariat population et développement (PPD).\nActions de plaidoyer dans le volet communication pour le changement social et de comportement (CCSC) du projet SWEDD.",
            { collaborators: ["swedd"] },
          ),
          contribution(
            "unfpa",
            "Appui technique et financier aux partenaires qui mettent en œuvre la SR/PF.\nAppui technique et financier au lancement des engagements du pays.",
          ),
          contribution(
            "msi",
            "Orientation des acteurs sur les projets de textes d'application de l'article 13 de la loi SR ; création d'un comité de rédaction et analyse de la loi SR et des PNP, qui ont permis d'obtenir un texte d'application de cet article.\nÉlaboration d'une stratégie de plaidoyer SR/PF, de notes d'orientation (policy briefs) pour préparer les rencontres avec les décideurs et les personnes influentes, et d'outils de plaidoyer et de communication (note de position interne, supports de formation, plan de communication, loi annotée…) inspirés d'outils existants comme RAPID Women et Sahel engagé.\nFormation de jeunes au plaidoyer institutionnel ; atelier d'appropriation des principales dispositions de la loi SR de 2002 et des textes sur les VBG à Mopti, Sikasso et Ségou, pour préparer l'adoption de la loi et de ses décrets.\nAppui technique et financier au ministère pour définir les engagements du pays en matière de DSSR.",
            { collaborators: ["msds"] },
          ),
          contribution(
            "amppf",
            "Sensibilisation communautaire pour lever les barrières socioculturelles et susciter la demande de services SR.\nMise en œuvre des projets BKN 1 et BKN 2.\nOffre de services SR/PF : distribution à base communautaire, équipes mobiles, franchise sociale, etc.",
          ),
          contribution(
            "jhpiego",
            "Soutien au MSDS pour organiser une table ronde de mobilisation des partenaires autour du plan d'accélération du DMPA-SC.\nPlaidoyer auprès du secteur privé et des élus locaux pour mobiliser des ressources nationales.",
            { collaborators: ["msds"] },
          ),
          contribution(
            "intrahealth",
            "Par le réseau des jeunes ambassadeurs (projet CS4FP Plus), plaidoyer pour la révision de la loi SR, relayé par des ONG locales partenaires, et appui aux services de santé déconcentrés.",
            { collaborators: ["cs4fp"] },
          ),
          contribution(
            "osc-pf",
            "Application des outils de suivi Layidumètre et Motion Tracker.\nParticipation des OSC aux forums nationaux et internationaux, et gestion de la subvention stratégique AmplifyChange.",
            { collaboratorsText: "AmplifyChange" },
          ),
          contribution(
            "remaspen",
            "Articles de presse et émissions sur des radios et télévisions privées pour soutenir le plaidoyer en faveur de la gratuité des services.",
          ),
          contribution(
            "psat-canada",
            "Financement et soutien technique des ateliers de concertation qui ont préparé le PRODESS IV.",
          ),
        ],
      },
      {
        code: "b",
        title: {
          fr: "Plaidoyer pour l'élaboration, la signature et l'application d'une loi rendant les services de PF gratuits",
          en: "Advocacy for drafting, signing and enforcing a law that makes family planning services free",
        },
        buildingBlocks: ["leadership_governance"],
        status: "on_track",
        narrative: {
          fr: "La gratuité de la PF, annoncée par le Président de la République en 2019, s'appuie désormais sur une loi rédigée et signée avec l'appui de plusieurs structures, et sur des documents de plaidoyer validés. En 2022, les partenaires ont surtout porté la loi SR de 2002 auprès des communautés et des élus dans cinq régions. L'adoption des textes d'application avance lentement : l'indicateur reste sur la bonne voie, et l'effort doit porter en 2023 sur leur adoption.",
          en: "Free family planning, announced by the President of the Republic in 2019, now rests on a law drafted and signed with the help of several organisations, and on validated advocacy documents. In 2022 partners mainly took the 2002 reproductive health law to communities and elected officials in five regions. Adoption of the implementing texts is slow: the indicator stays on track, and in 2023 the effort should go into getting them adopted.",
        },
        contributions: [
          contribution(
            "msds",
            "Par l'ONASR : accompagnement de la signature de la charte d'engagement pour la SR et la PF au Mali par les décideurs et les leaders communautaires, et ateliers de plaidoyer dans les régions de Kayes, Koulikoro et Sikasso.",
            { collaborators: ["onasr"] },
          ),
          contribution(
            "msi",
            "Cinq séances de plaidoyer communautaire sur la loi SR de 2002 (Kayes, Sikasso, Ségou, Mopti, Tombouctou) et diffusion de la loi auprès des acteurs.\nCinq sessions de vulgarisation de la loi SR de 2002 et d'autres documents de politique à Ségou, Sikasso et Kayes.\nSession de plaidoyer communautaire sur les DSSR dans la région de Bougouni, financée par la coalition OSC/PF, pour des services de PF de qualité destinés aux femmes, aux jeunes et aux adolescents.\nEnviron dix séances de communication pour la décriminalisation de l'avortement sécurisé.\nForum national des jeunes sur les DSSR, tenu en décembre 2021.",
            {
              collaborators: ["osc-pf"],
              outputs: [
                { value: 5, unit: "séances de plaidoyer communautaire" },
                { value: 5, unit: "sessions de vulgarisation de la loi SR" },
                { value: 10, unit: "séances de communication (environ)" },
              ],
            },
          ),
          contribution(
            "amppf",
            "Offre de services SR/PF intégrés.\nParticipation à l'atelier de plaidoyer pour inscrire une ligne budgétaire PF dans le budget de fonctionnement du MSDS, sur le modèle du fonds incitatif à contrepartie double lancé par l'UNFPA.",
            {
              collaborators: [
                "msds",
                "dgs",
                "msi",
                "psi",
                "unfpa",
                "onusida",
                "banque-mondiale",
                "pays-bas",
              ],
              collaboratorsText: "CSRéf, CSCom",
            },
          ),
          contribution(
            "jhpiego",
            "Renforcement des capacités des acteurs nationaux à utiliser le GFPVAN ; soutien technique pour coordonner et animer le travail, et pour tenir à jour les données sur les utilisateurs.",
          ),
          contribution(
            "intrahealth",
            "Plaidoyer du réseau des jeunes ambassadeurs, selon l'approche SMART, pour la révision de la loi SR, relayé par des ONG locales partenaires ; appui aux services de santé déconcentrés.",
          ),
          contribution(
            "remaspen",
            "Articles et émissions de radio et de télévision privées pour défendre la gratuité des services.",
          ),
          contribution(
            "projet-jeune",
            "Sessions de plaidoyer auprès du ministre de la Santé, tenues en 2018 à l'hôtel Sheraton à l'initiative d'USAID/HP+.",
            { collaborators: ["hp-plus"] },
          ),
          contribution(
            "psat-canada",
            "Projet Yellen (droits et innovations en santé sexuelle et reproductive) : équipements et intrants pour l'offre de services SSR, dont la PF, à Kayes ; formation, par des noyaux de formateurs, d'enseignants de lycées et de centres de formation professionnelle et de personnel des CSRéf et CSCom à la communication sur les droits sexuels et reproductifs, l'égalité de genre et les VBG.\nProjet SAM : appui aux acteurs de la chaîne nationale d'approvisionnement pour que les contraceptifs soient disponibles dans les communautés et les structures de santé ; création de la demande pendant la campagne nationale de PF (journées de sensibilisation, conférences) ; 3 supervisions PF dans 4 aires de santé (2 à Nioro, 2 à Diéma) ; formation des équipes socio-sanitaires de 7 districts (Bafoulabé, Diéma, Nioro, Oussoubidiagna, Séféto, Sagabari, Yélimané) à la collecte et à l'analyse de données ventilées par sexe et par âge.\nProjet Hèrè, avec MSI : santé sexuelle et reproductive des femmes en âge de procréer, par la prévention des VBG et la réponse à ces violences, à Sikasso, Ségou, Mopti et dans le district de Bamako.\nLe projet CLEFS est cité sans détail.",
            {
              collaborators: ["msi"],
              outputs: [
                { value: 3, unit: "supervisions PF" },
                { value: 4, unit: "aires de santé supervisées" },
                { value: 7, unit: "districts formés aux données ventilées par sexe et âge" },
              ],
            },
          ),
        ],
      },
    ],
  },
  {
    number: 2,
    title: {
      fr: "Porter le taux de prévalence contraceptive moderne de 17 % (Track20, 2020) à 40 % d'ici 2030",
      en: "Raise the modern contraceptive prevalence rate from 17% (Track20, 2020) to 40% by 2030",
    },
    goals: [
      {
        indicator: {
          fr: "Taux de prévalence contraceptive moderne (TPCm)",
          en: "Modern contraceptive prevalence rate (mCPR)",
        },
        unit: "%",
        baselineValue: 17,
        baselineYear: 2020,
        baselineSource: "Track20",
        targetValue: 40,
        targetYear: 2030,
        series: "mcpr-mw",
      },
    ],
    indicators: [
      {
        code: "c",
        title: {
          fr: "Approvisionnement régulier de tous les points de prestation en gamme complète de produits de PF",
          en: "Regular supply of the full range of family planning products to every service point",
        },
        buildingBlocks: ["essential_medicines", "service_delivery"],
        status: "achieved",
        narrative: {
          fr: "Sous la conduite du ministère de la Santé, les parties prenantes et les bailleurs ont assuré l'approvisionnement régulier de tous les points de prestation en gamme complète de produits de PF.",
          en: "Led by the Ministry of Health, stakeholders and donors kept every service point regularly supplied with the full range of family planning products.",
        },
        contributions: [
          contribution(
            "onasr",
            "Approvisionnement des structures en contraceptifs, appui aux sorties d'équipes mobiles vers les villages éloignés et offre de PF par les MS Ladies à Sikasso et Ségou ; pleine participation à l'organisation de la campagne de PF.\n120 structures repérées puis équipées en produits et consommables médicaux.\nServices proposés aux déplacés des camps de Niamana et aux participants du mariage collectif de Banamba.",
            {
              collaborators: ["psi", "msi", "amppf"],
              outputs: [{ value: 120, unit: "structures dotées en produits" }],
            },
          ),
          contribution(
            "dnp",
            "Remise d'intrants (kits d'accouchement et de césarienne, kits pour survivantes de VBG, savon) aux CSCom des localités qui accueillent la Journée mondiale de la population.",
            { collaborators: ["unfpa"] },
          ),
          contribution(
            "unfpa",
            "Livraisons régulières de contraceptifs dans l'ensemble du pays, conformément au plan national d'approvisionnement.\nDistribution jusqu'au dernier kilomètre par des projets dédiés et élargissement de la gamme de produits.",
          ),
          contribution(
            "msi",
            "317 structures de santé ravitaillées, dont 35 situées en zone humanitaire (Tombouctou).",
            {
              outputs: [
                { value: 317, unit: "structures de santé approvisionnées" },
                { value: 35, unit: "structures en zone humanitaire" },
              ],
            },
          ),
          contribution(
            "amppf",
            "Achat de contraceptifs et mise en place dans les antennes régionales (Kayes, Koulikoro, Sikasso, Ségou, Gao et district de Bamako).\nDotation des prestataires en kits d'insertion et de retrait des MLDA, et des ADBC, ASC et pairs éducateurs en kits DBC, supports de communication et produits.\nRemise d'intrants aux CSCom des localités qui accueillent la JMP et la journée PPD.",
          ),
          contribution(
            "jhpiego",
            "Réunions chaque trimestre avec les pharmaciens d'officine et les acteurs privés de la santé.\nMise à jour du plan de passage à l'échelle du DMPA-SC et appui à la quantification des produits.",
          ),
        ],
      },
      {
        code: "d",
        title: {
          fr: "Formation aux méthodes contraceptives modernes des prestataires de tous les points de prestation",
          en: "Training providers at every service point in modern contraceptive methods",
        },
        buildingBlocks: ["health_workforce", "service_delivery"],
        status: "on_track",
        narrative: {
          fr: "En 2022, PSI a formé plus de 619 prestataires au module intégré, MSI plus de 211 agents en technologie contraceptive (10 sessions) et Jhpiego 1 707 agents au DMPA-SC. L'AMPPF a formé plus de 100 agents et l'UNFPA a financé la formation de plus de 900 agents dans les régions.",
          en: "In 2022 PSI trained more than 619 providers in the integrated module, MSI more than 211 health workers in contraceptive technology (10 sessions) and Jhpiego 1,707 workers in DMPA-SC. AMPPF trained more than 100 workers and UNFPA funded training for more than 900 in the regions.",
        },
        contributions: [
          contribution(
            "onasr",
            "Formation de 73 prestataires en technologie contraceptive, dépistage du cancer du col de l'utérus et soins après avortement, puis supervision des prestataires formés.\nFormations en technologie contraceptive dans les régions de Kayes, Koulikoro, Sikasso, Ségou et Mopti.",
            {
              collaborators: ["psi", "msi", "amppf"],
              outputs: [{ value: 73, unit: "prestataires formés" }],
            },
          ),
          contribution(
            "psi",
            "Formation en 2022 de 619 prestataires au module intégré : SMNI, PF, SSAJ, WASH et soins centrés sur la personne.",
            { outputs: [{ value: 619, unit: "prestataires formés" }] },
          ),
          contribution(
            "unfpa",
            "Lancement de formations de formateurs et de prestataires dans tout le pays, ainsi que de formations d'ASC et de professionnels des médias.\nPlus de 900 agents formés en technologie contraceptive dans les régions grâce à son financement.",
            { outputs: [{ value: 900, unit: "agents formés en technologie contraceptive" }] },
          ),
          contribution(
            "msi",
            "Formation de 211 agents en technologie contraceptive au cours de 10 sessions.\nFormation de 6 prestataires, en deux sessions, au dépistage et au traitement du cancer du col de l'utérus.\nFormation initiale de 95 prestataires sur les VBG, en 10 sessions.",
            {
              outputs: [
                { value: 211, unit: "agents formés en technologie contraceptive" },
                { value: 10, unit: "sessions de formation" },
                { value: 6, unit: "prestataires formés au dépistage du cancer du col" },
                { value: 95, unit: "prestataires formés sur les VBG" },
              ],
            },
          ),
          contribution(
            "jhpiego",
            "Formation au DMPA-SC de 52 prestataires du district sanitaire de Kéniéba.\nAu total, 1 707 agents (formateurs, prestataires, ASC, vendeurs de pharmacies privées) formés au DMPA-SC.",
            {
              outputs: [
                { value: 52, unit: "prestataires formés au DMPA-SC" },
                { value: 1707, unit: "agents formés au DMPA-SC" },
              ],
            },
          ),
          contribution(
            "swedd",
            "Douze sages-femmes ont suivi un master en santé sexuelle et reproductive.",
            { outputs: [{ value: 12, unit: "sages-femmes formées (master SSR)" }] },
          ),
        ],
      },
    ],
  },
  {
    number: 3,
    title: {
      fr: "Réduire entre 2018 et 2025 les besoins non satisfaits en SSR/PF des adolescents et des jeunes : de 20 % à 13 % chez les 15-19 ans et de 22 % à 15 % chez les 20-24 ans",
      en: "Between 2018 and 2025, cut unmet SRH/FP need among adolescents and young people from 20% to 13% at ages 15–19 and from 22% to 15% at ages 20–24",
    },
    goals: [
      {
        indicator: {
          fr: "Besoins non satisfaits en SSR/PF des 15-19 ans",
          en: "Unmet SRH/FP need, ages 15–19",
        },
        unit: "%",
        baselineValue: 20,
        baselineYear: 2018,
        baselineSource: null,
        targetValue: 13,
        targetYear: 2025,
        series: "unmet-15-19",
      },
      {
        indicator: {
          fr: "Besoins non satisfaits en SSR/PF des 20-24 ans",
          en: "Unmet SRH/FP need, ages 20–24",
        },
        unit: "%",
        baselineValue: 22,
        baselineYear: 2018,
        baselineSource: null,
        targetValue: 15,
        targetYear: 2025,
        series: "unmet-20-24",
      },
    ],
    indicators: [
      {
        code: "e",
        title: {
          fr: "Documents de plaidoyer élaborés, validés et utilisés auprès des autorités politiques et des PTF",
          en: "Advocacy documents drafted, validated and used with political authorities and technical and financial partners",
        },
        buildingBlocks: ["leadership_governance"],
        status: "achieved",
        narrative: {
          fr: "L'ONASR et ses partenaires ont produit, pour le CNT et l'Association des municipalités du Mali, des documents de plaidoyer sur le financement de la PF (ressources nationales, PDSEC, couverture santé universelle, ligne budgétaire pour les contraceptifs) et un outil de budgétisation sensible à la SR/PF. Le MSDS et l'UNFPA ont signé un COMPACT sur la part de l'État dans l'achat des contraceptifs (programme UNFPA Supplies).",
          en: "ONASR and its partners produced advocacy documents for the National Transition Council and the Association of Municipalities of Mali on funding family planning (domestic resources, local development plans, universal health coverage, a budget line for contraceptives), plus a tool for SR/FP-sensitive budgeting. The ministry and UNFPA signed a COMPACT on the state's share of contraceptive purchases (UNFPA Supplies).",
        },
        contributions: [
          contribution(
            "msds",
            "Rédaction des argumentaires et de la feuille de route pour mobiliser les fonds incitatifs à contrepartie double (matching fund).\nÉlaboration, validation et diffusion du guide pour l'engagement constructif des hommes en santé de la reproduction (ECH-SR).",
          ),
          contribution(
            "onasr",
            "Documents de plaidoyer à l'intention du CNT et de l'Association des municipalités du Mali, préparés avec les partenaires.\nCinq outils de plaidoyer : stratégies d'intégration de la PF dans la couverture sanitaire universelle (validées en atelier), mécanisme durable et outils analytiques de budgétisation sensible à la SR/PF, analyse pour la segmentation du marché, outil pour accroître le financement de la PF, outil pour créer une ligne budgétaire d'achat des produits PF.\nCinq sessions de plaidoyer auprès des autorités politiques, administratives et communautaires pour accroître le financement de la PF (Bamako, Kayes, Koulikoro, Sikasso), puis une session sur chacun de ces sujets : la PF dans l'AMO, la ligne budgétaire pour les produits PF, la segmentation du marché.",
            {
              collaborators: ["unfpa", "msi", "amppf", "dnp", "remaspen"],
              outputs: [
                { value: 5, unit: "outils de plaidoyer" },
                { value: 5, unit: "sessions de plaidoyer pour le financement de la PF" },
              ],
            },
          ),
          contribution(
            "unfpa",
            "Activités de la DNP soutenues par l'UNFPA et le projet SWEDD.\nStratégie de communication mise en œuvre dans le volet CCSC du projet SWEDD, et stratégie de communication pour le changement de comportement.\nDocument de plaidoyer, session de plaidoyer et plan d'action pour financer les engagements de la CIPD+25, en lien avec les ODD et le CREDD.\nForums régionaux sur les thèmes de la CCSC (SCOFI, SSR, lutte contre les VBG) dans les régions du projet SWEDD : Sikasso, Koulikoro et Kayes.\nJournée d'échange sur les résultats transformateurs de l'UNFPA et forums en milieu scolaire et universitaire sur la SR/PF, la scolarisation et le maintien des filles à l'école et la lutte contre les VBG, à Bamako et dans la région de Ségou.\nPlaidoyer auprès des leaders communautaires sur l'autonomisation des femmes, le mariage des enfants et le dividende démographique à Bougouni, Dioïla, Ségou et Kayes.",
            { collaborators: ["dnp", "swedd"] },
          ),
          contribution(
            "amppf",
            "Formation au plaidoyer SR de jeunes du Mouvement d'action des jeunes (MAJ) et de responsables de groupements féminins.\nFormation en mai 2022 de 50 prestataires en technologie contraceptive (surtout les MLDA), dépistage du cancer du col, soins après avortement et prise en charge des besoins en SR.\nFormation d'ADBC et d'ASC à la distribution communautaire des contraceptifs, à la communication et à la gestion de stock ; dotation des ADBC, ASC et pairs éducateurs en kits DBC, supports de communication et produits, et supervision de ces acteurs.",
            { outputs: [{ value: 50, unit: "prestataires formés en technologie contraceptive" }] },
          ),
          contribution("remaspen", "Publication d'articles de presse."),
        ],
      },
      {
        code: "f",
        title: {
          fr: "Extension des services adaptés aux adolescents et aux jeunes dans les formations sanitaires",
          en: "Expanding adolescent- and youth-friendly services in health facilities",
        },
        buildingBlocks: ["service_delivery"],
        status: "on_track",
        narrative: {
          fr: "L'AMPPF et d'autres structures ont formé des jeunes scolarisés et non scolarisés en SRAJ, sensibilisé les adolescents et les jeunes par des pairs éducateurs et les NTIC, et proposé des services intégrés qui leur sont adaptés.",
          en: "AMPPF and other organisations trained in-school and out-of-school youth in adolescent reproductive health, reached adolescents and young people through peer educators and digital media, and offered integrated youth-friendly services.",
        },
        contributions: [
          contribution("onasr", "Mise à disposition de cliniques Mère-Adolescent-Jeune (MAJ).", {
            collaborators: ["amppf"],
          }),
          contribution(
            "unfpa",
            "Appui à la création d'espaces sûrs et de centres amis des jeunes, et à la distribution à base communautaire.",
          ),
          contribution(
            "msi",
            "Ouverture d'un service qui dépiste et traite le cancer du col de l'utérus ; 6 prestataires formés en deux sessions.",
            {
              outputs: [
                { value: 6, unit: "prestataires formés au dépistage du cancer du col" },
                { value: 2, unit: "sessions de formation" },
              ],
            },
          ),
          contribution(
            "amppf",
            "Renforcement des capacités des jeunes scolarisés et non scolarisés en SRAJ.\nSensibilisation communautaire des adolescents et des jeunes aux services qui leur sont destinés, par des pairs éducateurs et les NTIC.\nOffre de services intégrés adaptés aux adolescents et aux jeunes, notamment dans les cliniques Mère-Adolescent-Jeune (MAJ).",
          ),
        ],
      },
      {
        code: "g",
        title: {
          fr: "Paramétrage des données ventilées par âge et par sexe (prise en compte du genre)",
          en: "Setting up age- and sex-disaggregated data (gender integration)",
        },
        buildingBlocks: ["health_information"],
        status: "achieved",
        narrative: {
          fr: "Depuis 2019, les données de PF sont ventilées par tranche d'âge (15-24 ans, plus de 24 ans), par méthode et par niveau d'établissement, grâce à des ateliers de définition et de paramétrage des indicateurs et à de nouveaux outils de collecte (registres de PF et de counseling, RMA).",
          en: "Since 2019 family planning data have been broken down by age group (15–24, over 24), method and facility level, thanks to workshops that defined and configured the indicators and to new collection tools (FP and counselling registers, monthly activity reports).",
        },
        contributions: [
          contribution(
            "onasr",
            "Paramétrage dans le DHIS2 des données des rapports mensuels d'activité (RMA) des maternités rurales.",
            {
              collaborators: ["hisp-wca"],
              collaboratorsText: "USAID/HSS-KSW, USAID/CHISU",
            },
          ),
          contribution(
            "dnp",
            "Mise à jour des projections démographiques ventilées par sexe et par tranche d'âge.",
          ),
          contribution(
            "msi",
            "Fourniture d'outils pour recueillir les données des activités de SR.",
          ),
          contribution(
            "amppf",
            "Registre électronique et DHIS2 interne ventilés par tranche d'âge et par sexe pour chaque indicateur.",
          ),
          contribution(
            "jhpiego",
            "Soutien technique pour coordonner et animer le travail, et pour tenir à jour les données sur les utilisateurs.",
          ),
          contribution(
            "intrahealth",
            "Par le projet régional INSPIRE, appui à l'intégration des services de santé maternelle, y compris la dimension de genre.",
          ),
        ],
      },
    ],
  },
];
