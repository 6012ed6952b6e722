// Mali 2022 demo: the English versions of the partners' answers and of their output units, as a
// coordinator preparing the English edition would give them. Answers are keyed by indicator
// number and partner ("2.d/psi"); units by their French, once for the whole tracker.
import type { WorldAnswerEnglish } from "../world.ts";

export const answersEn: Record<string, WorldAnswerEnglish> = {
  // 1.a — advocacy for family planning in policies and strategic frameworks
  "1.a/msds": {
    activities:
      "With its partners' help, the ministry drafted, validated and published the national family planning action plan.",
  },
  "1.a/onasr": {
    activities:
      "Supported and helped write the revision of the reproductive health Policies, Norms and Procedures (PNP/SR); trained national trainers, then rolled out the revised PNP/SR to the actors of the Kayes, Koulikoro, Sikasso, Ségou and Mopti regions.\nHelped set up the technical committee in charge of Mali's new commitments; organised the national family planning campaign with the support of an SR/FP working group; took part in drafting the SRMNIA-Nut plan.\nLed, with key partners, the workshops that took the former commitments apart and built the new ones; worked with the other partners on revising the reproductive health law.",
  },
  "1.a/dnp": {
    activities:
      "Followed up the ICPD+25 commitments.\nMarked World Population Day (11 July) and the Population and Development Partnership day (PPD) with sketches.\nCarried out advocacy in the social and behaviour change communication (SBCC) component of the SWEDD project.",
  },
  "1.a/unfpa": {
    activities:
      "Technical and financial support to the partners delivering reproductive health and family planning.\nTechnical and financial support for launching the country's commitments.",
  },
  "1.a/msi": {
    activities:
      "Briefed stakeholders on the draft implementing texts for article 13 of the reproductive health law; set up a drafting committee and reviewed the law and the PNP, which led to an implementing text for that article.\nDeveloped an SR/FP advocacy strategy, policy briefs to prepare meetings with decision-makers and influential people, and advocacy and communication tools (internal position paper, training materials, communication plan, annotated law…) drawing on existing tools such as RAPID Women and Sahel engagé.\nTrained young people in institutional advocacy; held workshops in Mopti, Sikasso and Ségou on the main provisions of the 2002 reproductive health law and the texts on gender-based violence, to prepare the adoption of the law and its decrees.\nTechnical and financial support to the ministry in setting the country's sexual and reproductive health and rights commitments.",
  },
  "1.a/amppf": {
    activities:
      "Community outreach to lift socio-cultural barriers and build demand for reproductive health services.\nRan the BKN 1 and BKN 2 projects.\nProvided SR/FP services: community-based distribution, mobile teams, social franchising and more.",
  },
  "1.a/jhpiego": {
    activities:
      "Helped the ministry hold a round table to rally partners behind the DMPA-SC acceleration plan.\nLobbied the private sector and local elected officials to raise domestic resources.",
  },
  "1.a/intrahealth": {
    activities:
      "Through its network of young ambassadors (CS4FP Plus project), advocated for revising the reproductive health law, with local partner NGOs carrying the message, and supported the decentralised health services.",
  },
  "1.a/osc-pf": {
    activities:
      "Used the Layidumètre and Motion Tracker monitoring tools.\nBrought civil society organisations to national and international forums, and managed the AmplifyChange strategic grant.",
    collaboratorsText: "AmplifyChange",
  },
  "1.a/remaspen": {
    activities:
      "Press articles and programmes on private radio and television stations in support of the advocacy for free services.",
  },
  "1.a/psat-canada": {
    activities:
      "Funded and gave technical support to the consultation workshops that prepared PRODESS IV.",
  },

  // 1.b — a law making family planning services free
  "1.b/msds": {
    activities:
      "Through ONASR: supported decision-makers and community leaders in signing the commitment charter for reproductive health and family planning in Mali, and held advocacy workshops in the Kayes, Koulikoro and Sikasso regions.",
  },
  "1.b/msi": {
    activities:
      "Five community advocacy sessions on the 2002 reproductive health law (Kayes, Sikasso, Ségou, Mopti, Timbuktu) and circulation of the law among stakeholders.\nFive sessions in Ségou, Sikasso and Kayes explaining the 2002 law and other policy documents to the public.\nA community advocacy session on sexual and reproductive health and rights in the Bougouni region, funded by the CSO/FP coalition, for quality family planning services for women, young people and adolescents.\nAbout ten communication sessions on decriminalising safe abortion.\nA national youth forum on sexual and reproductive health and rights, held in December 2021.",
  },
  "1.b/amppf": {
    activities:
      "Integrated SR/FP services.\nTook part in the advocacy workshop for a family planning line in the ministry's operating budget, modelled on the double matching fund launched by UNFPA.",
    collaboratorsText: "CSRéf, CSCom",
  },
  "1.b/jhpiego": {
    activities:
      "Built national actors' capacity to use the GFPVAN; technical support to coordinate and run the work and to keep user data up to date.",
  },
  "1.b/intrahealth": {
    activities:
      "Advocacy by the young ambassadors' network, following the SMART approach, for revising the reproductive health law, relayed by local partner NGOs; support to the decentralised health services.",
  },
  "1.b/remaspen": {
    activities:
      "Articles and programmes on private radio and television in defence of free services.",
  },
  "1.b/projet-jeune": {
    activities:
      "Advocacy sessions with the Minister of Health, held in 2018 at the Sheraton hotel at the initiative of USAID/HP+.",
  },
  "1.b/psat-canada": {
    activities:
      "Yellen project (rights and innovation in sexual and reproductive health): equipment and supplies for SRH services, family planning included, in Kayes; core groups of trainers trained teachers from secondary schools and vocational centres, and staff of CSRéf and CSCom, to talk about sexual and reproductive rights, gender equality and gender-based violence.\nSAM project: support to the national supply chain so that contraceptives reach communities and health facilities; demand creation during the national family planning campaign (awareness days, talks); 3 family planning supervisions in 4 health areas (2 in Nioro, 2 in Diéma); training of the health and social teams of 7 districts (Bafoulabé, Diéma, Nioro, Oussoubidiagna, Séféto, Sagabari, Yélimané) in collecting and analysing data broken down by sex and age.\nHèrè project, with MSI: sexual and reproductive health of women of childbearing age, through preventing and responding to gender-based violence, in Sikasso, Ségou, Mopti and Bamako district.\nThe CLEFS project was mentioned without details.",
  },

  // 2.c — regular supply of the full range of products
  "2.c/onasr": {
    activities:
      "Supplied facilities with contraceptives, supported mobile team visits to remote villages and family planning delivered by MS Ladies in Sikasso and Ségou; took full part in organising the family planning campaign.\n120 facilities identified, then equipped with medical products and consumables.\nServices offered to displaced people in the Niamana camps and to the couples of the Banamba group wedding.",
  },
  "2.c/dnp": {
    activities:
      "Handed supplies (delivery and caesarean kits, kits for survivors of gender-based violence, soap) to the CSCom of the towns hosting World Population Day.",
  },
  "2.c/unfpa": {
    activities:
      "Regular contraceptive deliveries across the country, following the national supply plan.\nLast-mile distribution through dedicated projects, and a wider range of products.",
  },
  "2.c/msi": {
    activities: "317 health facilities resupplied, 35 of them in the humanitarian zone (Timbuktu).",
  },
  "2.c/amppf": {
    activities:
      "Bought contraceptives and stocked them in the regional branches (Kayes, Koulikoro, Sikasso, Ségou, Gao and Bamako district).\nEquipped providers with long-acting method insertion and removal kits, and community distributors, community health workers and peer educators with community distribution kits, communication materials and products.\nHanded supplies to the CSCom of the towns hosting World Population Day and the PPD day.",
  },
  "2.c/jhpiego": {
    activities:
      "Quarterly meetings with retail pharmacists and private health actors.\nUpdated the DMPA-SC scale-up plan and supported product quantification.",
  },

  // 2.d — training providers in modern contraceptive methods
  "2.d/onasr": {
    activities:
      "Trained 73 providers in contraceptive technology, cervical cancer screening and post-abortion care, then supervised the providers trained.\nContraceptive technology training in the Kayes, Koulikoro, Sikasso, Ségou and Mopti regions.",
  },
  "2.d/psi": {
    activities:
      "Trained 619 providers in 2022 in the integrated module: maternal, newborn and child health, family planning, adolescent and youth health, WASH and person-centred care.",
  },
  "2.d/unfpa": {
    activities:
      "Launched training of trainers and of providers across the country, as well as training for community health workers and media professionals.\nMore than 900 health workers trained in contraceptive technology in the regions with its funding.",
  },
  "2.d/msi": {
    activities:
      "Trained 211 health workers in contraceptive technology over 10 sessions.\nTrained 6 providers, in two sessions, in cervical cancer screening and treatment.\nInitial training of 95 providers on gender-based violence, in 10 sessions.",
  },
  "2.d/jhpiego": {
    activities:
      "Trained 52 providers of the Kéniéba health district in DMPA-SC.\nIn all, 1 707 people (trainers, providers, community health workers, private pharmacy sellers) trained in DMPA-SC.",
  },
  "2.d/swedd": {
    activities: "Twelve midwives completed a master's degree in sexual and reproductive health.",
  },

  // 3.e — advocacy for funding family planning
  "3.e/msds": {
    activities:
      "Wrote the arguments and the roadmap for raising double matching funds.\nDrafted, validated and circulated the guide on engaging men constructively in reproductive health (ECH-SR).",
  },
  "3.e/onasr": {
    activities:
      "Advocacy documents for the National Transition Council and the Association of Municipalities of Mali, prepared with the partners.\nFive advocacy tools: strategies for bringing family planning into universal health coverage (validated in a workshop), a lasting mechanism and analytical tools for SR/FP-sensitive budgeting, a market segmentation analysis, a tool for raising family planning funding, a tool for creating a budget line to buy family planning products.\nFive advocacy sessions with political, administrative and community authorities to raise family planning funding (Bamako, Kayes, Koulikoro, Sikasso), then one session on each of these topics: family planning in compulsory health insurance (AMO), the budget line for family planning products, market segmentation.",
  },
  "3.e/unfpa": {
    activities:
      "Supported the activities of the National Directorate of Population with the SWEDD project.\nCommunication strategy carried out in the SBCC component of the SWEDD project, and a behaviour change communication strategy.\nAdvocacy document, advocacy session and action plan to fund the ICPD+25 commitments, linked to the SDGs and the CREDD.\nRegional forums on SBCC themes (SCOFI, sexual and reproductive health, fighting gender-based violence) in the SWEDD regions: Sikasso, Koulikoro and Kayes.\nA day on UNFPA's transformative results, and forums in schools and universities on reproductive health and family planning, getting and keeping girls in school and fighting gender-based violence, in Bamako and the Ségou region.\nAdvocacy with community leaders on women's empowerment, child marriage and the demographic dividend in Bougouni, Dioïla, Ségou and Kayes.",
  },
  "3.e/amppf": {
    activities:
      "Trained young members of the Youth Action Movement (MAJ) and leaders of women's groups in reproductive health advocacy.\nTrained 50 providers in May 2022 in contraceptive technology (mainly long-acting methods), cervical cancer screening, post-abortion care and reproductive health care.\nTrained community distributors and community health workers in community distribution of contraceptives, communication and stock management; equipped them and the peer educators with community distribution kits, communication materials and products, and supervised them.",
  },
  "3.e/remaspen": { activities: "Published press articles." },

  // 3.f — adolescents and young people
  "3.f/onasr": { activities: "Made Mother-Adolescent-Youth (MAJ) clinics available." },
  "3.f/unfpa": {
    activities:
      "Supported the creation of safe spaces and youth-friendly centres, and community-based distribution.",
  },
  "3.f/msi": {
    activities:
      "Opened a service that screens and treats cervical cancer; 6 providers trained in two sessions.",
  },
  "3.f/amppf": {
    activities:
      "Built the skills of in-school and out-of-school young people in adolescent and youth reproductive health.\nCommunity outreach by peer educators and digital media to tell adolescents and young people about the services meant for them.\nIntegrated services adapted to adolescents and young people, in particular in the Mother-Adolescent-Youth (MAJ) clinics.",
  },

  // 3.g — data broken down by age
  "3.g/onasr": {
    activities:
      "Set up the data of the rural maternity units' monthly activity reports (RMA) in DHIS2.",
    collaboratorsText: "USAID/HSS-KSW, USAID/CHISU",
  },
  "3.g/dnp": {
    activities: "Updated the population projections broken down by sex and age group.",
  },
  "3.g/msi": {
    activities: "Provided tools for collecting the data of reproductive health activities.",
  },
  "3.g/amppf": {
    activities:
      "An electronic register and an in-house DHIS2 broken down by age group and sex for every indicator.",
  },
  "3.g/jhpiego": {
    activities:
      "Technical support to coordinate and run the work, and to keep user data up to date.",
  },
  "3.g/intrahealth": {
    activities:
      "Through the regional INSPIRE project, supported the integration of maternal health services, gender included.",
  },

  // 4.h — the poor, marginalised and underserved
  "4.h/amppf": {
    activities:
      "A strategy for integrated reproductive health services for poor, marginalised and underserved people, written into its policies; its minimum initial service package (MISP) used in crises.\nOutreach visits to provide reproductive health services in displacement camps.",
  },

  // 4.i — the state's share of contraceptive purchases
  "4.i/msds": {
    activities:
      "Finding: health receives less than 6 % of the national budget.\nSigned, with the Ministry of Economy and Finance, the UNFPA Supplies COMPACT, under which the state budget covers 1 % of annual contraceptive purchasing needs; bought contraceptives and consumables on the state budget for the national family planning campaign.",
    collaboratorsText: "State budget",
  },
  "4.i/dnp": { activities: "Contributed the results of its studies and research." },

  // 5.j — humanitarian settings
  "5.j/dnp": { activities: "Survey on female genital mutilation in the Timbuktu region." },
  "5.j/unfpa": {
    activities:
      "Emergency obstetric and newborn care (SONU) maternity units in emergency areas (equipment being bought) and midwives deployed in the Kayes, Koulikoro, Sikasso and Ségou regions.\nSupported ONASR in its efforts to create the budget line.\nThe last-mile project (CIPD8) is under way.",
  },
  "5.j/msi": {
    activities:
      "Advocacy for the political and administrative authorities of the Timbuktu region to adopt the emergency SR/FP service package.",
  },
  "5.j/amppf": {
    activities:
      "Set up a minimum initial service package (MISP) within AMPPF to meet the needs of people in crisis.",
  },
  "5.j/jhpiego": {
    activities:
      "Supported the promotion of DMPA-SC (drafting and adoption of the policy documents on self-injection) and its scale-up in Mali.",
  },
  "5.j/intrahealth": { activities: "Supported the Ministry of Health through ONASR." },
  "5.j/psat-canada": { activities: "Deployed mobile clinics for the Spotlight+ project." },

  // 5.k — high-impact practices
  "5.k/onasr": {
    activities:
      "Preparing knowledge-sharing days on good practices in reproductive health, family planning above all: Human Centered Design (HCD) to find services that fit people's needs, husbands' schools, MS Ladies, CFU, maternity waiting homes, Dambé Muso, YES.",
  },
  "5.k/dnp": {
    activities:
      "A national study mapping the areas where excision is not practised, and follow-up of the villages that have publicly declared against FGM.",
  },
  "5.k/unfpa": { activities: "Community midwives sent into the field." },
  "5.k/msi": { activities: "Logistics staff recruited and posted in the field." },
  "5.k/amppf": { activities: "Shot a documentary film on good practices." },

  // 5.l — mobile outreach and contraceptives in health insurance
  "5.l/onasr": {
    activities:
      "With the DPM and the PPM: consultation among partners to coordinate demand creation (awareness raising) with the services offered by the partner facilities' providers.\nScale-up of UNFPA's last-mile project and of the SWEDD project.\nContraceptives bought on the state budget.",
  },
  "5.l/msi": {
    activities:
      "Supported the supply and distribution of contraceptives in the Timbuktu, Koulikoro, Ségou and Mopti regions.\nProvided contraceptives and family planning consumables for fixed-site services, mobile team visits and promotional days in the CSCom, CSRéf and private clinics of Bamako's 6 communes and of the Kayes, Koulikoro, Sikasso, Ségou and Mopti regions.",
  },
  "5.l/amppf": { activities: "Shot a documentary film on good practices." },
  "5.l/psi": {
    activities:
      "Provided contraceptives and family planning consumables for fixed-site services, mobile team visits and promotional days in the CSCom, CSRéf and private clinics of Bamako's 6 communes and of the Kayes, Koulikoro, Sikasso, Ségou and Mopti regions.",
  },

  // 6.m — government commitment
  "6.m/onasr": {
    activities:
      "Advocacy workshops on funding family planning, in Bamako and the regions, with the highest authorities and decision-makers; an advocacy workshop for including family planning products in compulsory health insurance (AMO) and RAMU.\nIn Ségou, community advocacy for family planning with health workers, women's groups, justice officials, police officers and gendarmes.",
    collaboratorsText: "BKN2",
  },
  "6.m/dnp": {
    activities: "Followed up the commitments Mali made at the Nairobi summit on ICPD+25.",
  },
  "6.m/amppf": {
    activities:
      "As a member of the CSO/FP coalition, raised funds from national and international technical and financial partners to sustain its programmes for poor, marginalised, vulnerable and underserved people.\nAlso followed up the commitments Mali made at the Nairobi summit on ICPD+25.",
  },
  "6.m/jhpiego": {
    activities:
      "Resource mobilisation plan for the DMPA-SC acceleration plan; supported the Ministry of Health in holding a partners' round table on that plan.",
  },
  "6.m/projet-jeune": {
    activities:
      "Advocacy with the Ministry of Health, after which the state pledged to raise contraceptive purchases and its effort for the family planning campaign by 20 %.",
  },

  // 6.n — domestic resources
  "6.n/onasr": {
    activities: "Held an advocacy day calling for a budget line dedicated to SR/FP products.",
  },
  "6.n/dnp": {
    activities:
      "Drafted an action plan to find the resources the ICPD+25 commitments need, aligned with the SDGs and the CREDD.",
  },
  "6.n/unfpa": { activities: "The COMPACT was signed with the government." },
  "6.n/jhpiego": {
    activities:
      "Lobbied the private sector and local elected officials to raise domestic resources.",
  },
  "6.n/intrahealth": {
    activities:
      "Sent proposals to several donors, USAID and the Embassy of the Netherlands among them, to raise resources.",
  },

  // 6.o — funds allocated to family planning
  "6.o/msds": { activities: "33 000 000 FCFA budgeted for family planning in 2022." },
};

/** Each French output unit of the demo and its English. */
export const unitsEn: Record<string, string> = {
  "séances de plaidoyer communautaire": "community advocacy sessions",
  "sessions de vulgarisation de la loi SR": "sessions explaining the reproductive health law",
  "séances de communication (environ)": "communication sessions (about)",
  "supervisions PF": "family planning supervisions",
  "aires de santé supervisées": "health areas supervised",
  "districts formés aux données ventilées par sexe et âge":
    "districts trained in data broken down by sex and age",
  "structures dotées en produits": "facilities equipped with products",
  "structures de santé approvisionnées": "health facilities supplied",
  "structures en zone humanitaire": "facilities in the humanitarian zone",
  "prestataires formés": "providers trained",
  "agents formés en technologie contraceptive":
    "health workers trained in contraceptive technology",
  "sessions de formation": "training sessions",
  "prestataires formés au dépistage du cancer du col":
    "providers trained in cervical cancer screening",
  "prestataires formés sur les VBG": "providers trained on gender-based violence",
  "prestataires formés au DMPA-SC": "providers trained in DMPA-SC",
  "agents formés au DMPA-SC": "people trained in DMPA-SC",
  "sages-femmes formées (master SSR)": "midwives trained (master's in SRH)",
  "outils de plaidoyer": "advocacy tools",
  "sessions de plaidoyer pour le financement de la PF":
    "advocacy sessions on family planning funding",
  "prestataires formés en technologie contraceptive":
    "providers trained in contraceptive technology",
  "% des besoins annuels d'achat de contraceptifs (COMPACT)":
    "% of annual contraceptive purchasing needs (COMPACT)",
  "% d'augmentation des achats promise par l'État": "% increase in purchases pledged by the state",
  FCFA: "FCFA",
};
