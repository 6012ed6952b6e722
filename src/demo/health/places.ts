// The demo's health map of Mali: the country, its ten historical regions and the district of
// Bamako, health districts in the two regions of the community-midwife monitoring mission (Ségou,
// Sikasso) and in the two where it goes next (Kayes, Koulikoro), and a few community health
// centres (CSCom) in each. Positions are the towns' approximate latitude and longitude; each
// centre's population is that of its health area in 2022, what the denominators grow from.

/** [longitude, latitude], GeoJSON's order. */
export type LngLat = readonly [number, number];

export interface DemoRegion {
  code: string;
  name: string;
  at: LngLat;
}

export interface DemoFacility {
  /** The last part of the unit's code: `ML_SEG_BAR_BOIDIE`. */
  key: string;
  name: string;
  at: LngLat;
  /** The health area's population in 2022. */
  population: number;
}

export interface DemoDistrict {
  code: string;
  region: string;
  name: string;
  at: LngLat;
  facilities: DemoFacility[];
}

export const COUNTRY = { code: "ML", name: "Mali", at: [-3.996, 17.57] as LngLat };

export const REGIONS: readonly DemoRegion[] = [
  { code: "ML_KAY", name: "Kayes", at: [-11.44, 14.45] },
  { code: "ML_KOU", name: "Koulikoro", at: [-7.56, 12.86] },
  { code: "ML_SIK", name: "Sikasso", at: [-5.67, 11.32] },
  { code: "ML_SEG", name: "Ségou", at: [-6.26, 13.43] },
  { code: "ML_MOP", name: "Mopti", at: [-4.19, 14.49] },
  { code: "ML_TOM", name: "Tombouctou", at: [-3.01, 16.77] },
  { code: "ML_GAO", name: "Gao", at: [-0.04, 16.27] },
  { code: "ML_KID", name: "Kidal", at: [1.41, 18.44] },
  { code: "ML_TAO", name: "Taoudénit", at: [-3.98, 22.68] },
  { code: "ML_MEN", name: "Ménaka", at: [2.4, 15.92] },
  { code: "ML_BKO", name: "District de Bamako", at: [-8.0, 12.64] },
];

const f = (key: string, name: string, at: LngLat, population: number): DemoFacility => ({
  key,
  name,
  at,
  population,
});

export const DISTRICTS: readonly DemoDistrict[] = [
  // Ségou: Barouéli (the mission's CPN1 figures) and the Cinzana area of Ségou. The region holds
  // 37 centres, one for each midwife it received; the smaller centres' positions are approximate.
  {
    code: "ML_SEG_BAR",
    region: "ML_SEG",
    name: "Barouéli",
    at: [-6.83, 13.08],
    facilities: [
      f("BOIDIE", "CSCom de Boidié", [-6.7, 13.13], 14_200),
      f("CENTRAL", "CSCom central de Barouéli", [-6.835, 13.075], 21_500),
      f("TAMANI", "CSCom de Tamani", [-6.84, 13.33], 17_800),
      f("KONOBOUGOU", "CSCom de Konobougou", [-6.76, 12.92], 19_300),
      f("SOMO", "CSCom de Somo", [-6.62, 13.21], 9_400),
      f("GOUENDO", "CSCom de Gouendo", [-6.95, 13.18], 8_700),
      f("SANANDO", "CSCom de Sanando", [-6.9, 12.98], 11_200),
      f("NGASSOLA", "CSCom de N'Gassola", [-6.98, 13.02], 7_900),
      f("KALAKE", "CSCom de Kalaké", [-6.72, 13.02], 8_300),
    ],
  },
  {
    code: "ML_SEG_SEG",
    region: "ML_SEG",
    name: "Ségou",
    at: [-6.26, 13.44],
    facilities: [
      f("CINZANA", "CSCom de Zambougou-Cinzana", [-5.96, 13.25], 12_600),
      f("PELENGANA", "CSCom de Pelengana", [-6.22, 13.42], 24_800),
      f("SEBOUGOU", "CSCom de Sébougou", [-6.3, 13.46], 16_400),
      f("MARKALA", "CSCom de Markala", [-6.07, 13.7], 22_100),
      f("DIORO", "CSCom de Dioro", [-5.95, 13.55], 18_200),
      f("FARAKO", "CSCom de Farako", [-6.12, 13.33], 10_600),
      f("KATIENA", "CSCom de Katiéna", [-5.78, 13.32], 11_900),
      f("SAKOIBA", "CSCom de Sakoïba", [-6.38, 13.37], 9_100),
      f("SANSANDING", "CSCom de Sansanding", [-6.0, 13.73], 12_700),
      f("SAMINE", "CSCom de Saminé", [-6.18, 13.52], 8_800),
      f("KONODIMINI", "CSCom de Konodimini", [-6.43, 13.5], 10_300),
      f("BAGUINDA", "CSCom de Baguindadougou", [-6.52, 13.28], 7_600),
      f("DOUGABOUGOU", "CSCom de Dougabougou", [-6.02, 13.62], 9_900),
    ],
  },
  {
    code: "ML_SEG_BLA",
    region: "ML_SEG",
    name: "Bla",
    at: [-5.76, 12.95],
    facilities: [
      f("CENTRAL", "CSCom central de Bla", [-5.76, 12.95], 20_400),
      f("TOUNA", "CSCom de Touna", [-5.82, 13.11], 13_900),
      f("YANGASSO", "CSCom de Yangasso", [-5.5, 12.99], 12_400),
      f("KAZANGASSO", "CSCom de Kazangasso", [-5.66, 12.83], 8_500),
      f("DIENA", "CSCom de Diéna", [-5.9, 12.82], 9_200),
    ],
  },
  {
    code: "ML_SEG_SAN",
    region: "ML_SEG",
    name: "San",
    at: [-4.9, 13.3],
    facilities: [
      f("CENTRAL", "CSCom central de San", [-4.9, 13.3], 23_600),
      f("TENE", "CSCom de Téné", [-4.97, 13.2], 12_300),
      f("SY", "CSCom de Sy", [-4.75, 13.38], 8_900),
      f("KASSOROLA", "CSCom de Kassorola", [-5.05, 13.45], 9_600),
      f("KIMPARANA", "CSCom de Kimparana", [-4.92, 12.84], 13_100),
    ],
  },
  {
    code: "ML_SEG_NIO",
    region: "ML_SEG",
    name: "Niono",
    at: [-5.99, 14.25],
    facilities: [
      f("CENTRAL", "CSCom central de Niono", [-5.99, 14.25], 22_700),
      f("SIRIBALA", "CSCom de Siribala", [-6.11, 14.03], 15_200),
      f("MOLODO", "CSCom de Molodo", [-6.02, 14.28], 11_800),
      f("POGO", "CSCom de Pogo", [-6.2, 14.1], 7_400),
      f("SOKOLO", "CSCom de Sokolo", [-6.13, 14.73], 10_900),
    ],
  },
  // Sikasso: Dougoukolobougou in Sikasso, Koumantou in Bougouni (the mission's visits).
  {
    code: "ML_SIK_SIK",
    region: "ML_SIK",
    name: "Sikasso",
    at: [-5.67, 11.32],
    facilities: [
      f("DOUGOUKOLOBOUGOU", "CSCom de Dougoukolobougou", [-5.69, 11.3], 5_600),
      f("WAYERMA", "CSCom de Wayerma", [-5.66, 11.33], 26_300),
      f("KABOILA", "CSCom de Kaboïla", [-5.71, 11.24], 14_800),
      f("ZANGARADOUGOU", "CSCom de Zangaradougou", [-5.63, 11.4], 12_900),
    ],
  },
  {
    code: "ML_SIK_BOU",
    region: "ML_SIK",
    name: "Bougouni",
    at: [-7.48, 11.42],
    facilities: [
      f("KOUMANTOU", "CSCom de Koumantou", [-6.67, 11.41], 18_900),
      f("DIERA", "CSCom de Diéra", [-6.8, 11.35], 9_800),
      f("CENTRAL", "CSCom central de Bougouni", [-7.48, 11.42], 27_400),
      f("GARALO", "CSCom de Garalo", [-7.45, 10.99], 15_600),
    ],
  },
  {
    code: "ML_SIK_KTL",
    region: "ML_SIK",
    name: "Koutiala",
    at: [-5.46, 12.39],
    facilities: [
      f("CENTRAL", "CSCom central de Koutiala", [-5.46, 12.39], 28_200),
      f("MPESSOBA", "CSCom de M'Pessoba", [-5.71, 12.67], 17_100),
    ],
  },
  {
    code: "ML_SIK_KAD",
    region: "ML_SIK",
    name: "Kadiolo",
    at: [-5.76, 10.56],
    facilities: [
      f("CENTRAL", "CSCom central de Kadiolo", [-5.76, 10.56], 18_300),
      f("LOULOUNI", "CSCom de Loulouni", [-5.6, 10.9], 12_100),
    ],
  },
  // Koulikoro and Kayes: where the deployment is followed next.
  {
    code: "ML_KOU_KAT",
    region: "ML_KOU",
    name: "Kati",
    at: [-8.07, 12.74],
    facilities: [
      f("CENTRAL", "CSCom central de Kati", [-8.07, 12.74], 29_800),
      f("SIBY", "CSCom de Siby", [-8.33, 12.38], 16_700),
    ],
  },
  {
    code: "ML_KOU_KOU",
    region: "ML_KOU",
    name: "Koulikoro",
    at: [-7.56, 12.86],
    facilities: [
      f("CENTRAL", "CSCom central de Koulikoro", [-7.56, 12.86], 21_900),
      f("TIENFALA", "CSCom de Tienfala", [-7.74, 12.78], 11_600),
    ],
  },
  {
    code: "ML_KOU_DIO",
    region: "ML_KOU",
    name: "Dioïla",
    at: [-6.79, 12.49],
    facilities: [
      f("CENTRAL", "CSCom central de Dioïla", [-6.79, 12.49], 19_700),
      f("FANA", "CSCom de Fana", [-6.95, 12.77], 23_400),
    ],
  },
  {
    code: "ML_KAY_KAY",
    region: "ML_KAY",
    name: "Kayes",
    at: [-11.44, 14.45],
    facilities: [
      f("CENTRAL", "CSCom central de Kayes", [-11.44, 14.45], 27_100),
      f("KAYESNDI", "CSCom de Kayes N'Di", [-11.42, 14.44], 18_600),
    ],
  },
  {
    code: "ML_KAY_KIT",
    region: "ML_KAY",
    name: "Kita",
    at: [-9.49, 13.03],
    facilities: [
      f("CENTRAL", "CSCom central de Kita", [-9.49, 13.03], 24_300),
      f("SIRAKORO", "CSCom de Sirakoro", [-9.23, 12.68], 12_700),
    ],
  },
];

export const facilityCode = (district: DemoDistrict, facility: DemoFacility): string =>
  `${district.code}_${facility.key}`;

/** Mali's border, simplified by hand (demo data, not a survey): [lng, lat], not closed. */
export const MALI_BORDER: readonly LngLat[] = [
  [-12.17, 14.62],
  [-11.67, 15.39],
  [-11.35, 15.41],
  [-10.65, 15.13],
  [-9.7, 15.26],
  [-9.55, 15.49],
  [-5.54, 15.5],
  [-5.32, 16.2],
  [-5.49, 16.33],
  [-6.45, 24.96],
  [-4.92, 24.97],
  [-1.55, 22.79],
  [1.17, 21.1],
  [1.17, 20.74],
  [1.82, 20.61],
  [2.06, 20.14],
  [3.15, 19.69],
  [3.23, 19.06],
  [4.27, 19.16],
  [4.27, 16.85],
  [3.72, 16.18],
  [3.64, 15.57],
  [2.75, 15.41],
  [1.39, 15.32],
  [0.37, 14.93],
  [-0.27, 14.92],
  [-0.52, 15.12],
  [-1.07, 14.97],
  [-2.0, 14.56],
  [-2.19, 14.25],
  [-2.97, 13.8],
  [-3.1, 13.54],
  [-3.52, 13.34],
  [-4.01, 13.47],
  [-4.28, 13.23],
  [-4.43, 12.54],
  [-5.22, 11.71],
  [-5.2, 11.38],
  [-5.47, 10.95],
  [-5.4, 10.37],
  [-5.82, 10.22],
  [-6.21, 10.52],
  [-6.67, 10.66],
  [-6.85, 10.14],
  [-7.62, 10.15],
  [-8.03, 10.21],
  [-8.34, 10.49],
  [-8.41, 10.91],
  [-8.58, 11.14],
  [-8.38, 11.39],
  [-8.79, 11.81],
  [-9.13, 12.31],
  [-9.57, 12.19],
  [-10.17, 11.84],
  [-10.59, 11.92],
  [-10.87, 12.18],
  [-11.3, 12.08],
  [-11.51, 12.44],
  [-11.55, 13.14],
  [-11.93, 13.42],
  [-12.12, 13.99],
];
