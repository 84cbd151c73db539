/**
 * National environmental objectives that strategy goals are tagged with. Codes are stable
 * (they are stored in documents as `objectives` keys); names may be reworded.
 */
export interface EnvironmentalObjective {
  code: string;
  country: 'SE' | 'NO';
  /** Grouping: for Norway the result area, for Sweden `quality` or `generation`. */
  area: string;
  name: { sv?: string; nb?: string; en: string };
}

/** Sweden's 16 environmental quality objectives (miljökvalitetsmålen) and the generation goal. */
export const SWEDISH_OBJECTIVES: readonly EnvironmentalObjective[] = (
  [
  ['se-gen', 'generation', 'Generationsmålet', 'The Generational Goal'],
  ['se-01', 'quality', 'Begränsad klimatpåverkan', 'Reduced Climate Impact'],
  ['se-02', 'quality', 'Frisk luft', 'Clean Air'],
  ['se-03', 'quality', 'Bara naturlig försurning', 'Natural Acidification Only'],
  ['se-04', 'quality', 'Giftfri miljö', 'A Non-Toxic Environment'],
  ['se-05', 'quality', 'Skyddande ozonskikt', 'A Protective Ozone Layer'],
  ['se-06', 'quality', 'Säker strålmiljö', 'A Safe Radiation Environment'],
  ['se-07', 'quality', 'Ingen övergödning', 'Zero Eutrophication'],
  ['se-08', 'quality', 'Levande sjöar och vattendrag', 'Flourishing Lakes and Streams'],
  ['se-09', 'quality', 'Grundvatten av god kvalitet', 'Good-Quality Groundwater'],
  [
    'se-10',
    'quality',
    'Hav i balans samt levande kust och skärgård',
    'A Balanced Marine Environment, Flourishing Coastal Areas and Archipelagos',
  ],
  ['se-11', 'quality', 'Myllrande våtmarker', 'Thriving Wetlands'],
  ['se-12', 'quality', 'Levande skogar', 'Sustainable Forests'],
  ['se-13', 'quality', 'Ett rikt odlingslandskap', 'A Varied Agricultural Landscape'],
  ['se-14', 'quality', 'Storslagen fjällmiljö', 'A Magnificent Mountain Landscape'],
  ['se-15', 'quality', 'God bebyggd miljö', 'A Good Built Environment'],
  ['se-16', 'quality', 'Ett rikt växt- och djurliv', 'A Rich Diversity of Plant and Animal Life'],
  ] as const
).map(([code, area, sv, en]) => ({ code, country: 'SE', area, name: { sv, en } }));

/** Norway's six result areas of climate and environment policy. */
export const NORWEGIAN_AREAS = {
  naturmangfold: { nb: 'Naturmangfold', en: 'Biodiversity' },
  kulturmiljo: { nb: 'Kulturminner og kulturmiljø', en: 'Cultural heritage' },
  friluftsliv: { nb: 'Friluftsliv', en: 'Outdoor recreation' },
  forurensning: { nb: 'Forurensning', en: 'Pollution' },
  klima: { nb: 'Klima', en: 'Climate' },
  polar: { nb: 'Polarområdene', en: 'Polar regions' },
} as const;
export type NorwegianArea = keyof typeof NORWEGIAN_AREAS;

/** Norway's national environmental goals (nasjonale miljømål), short names per result area. */
export const NORWEGIAN_OBJECTIVES: readonly EnvironmentalObjective[] = (
  [
    ['no-1.1', 'naturmangfold', 'Økosystemer i god tilstand', 'Ecosystems in good condition'],
    ['no-1.2', 'naturmangfold', 'Ingen arter eller naturtyper utryddes', 'No species or habitat types lost'],
    ['no-1.3', 'naturmangfold', 'Et representativt utvalg av naturen bevares', 'A representative selection of nature protected'],
    ['no-2.1', 'kulturmiljo', 'Alle kan engasjere seg i kulturmiljø', 'Everyone can engage in cultural heritage'],
    ['no-2.2', 'kulturmiljo', 'Kulturmiljø i bærekraftig utvikling', 'Cultural heritage in sustainable development'],
    ['no-2.3', 'kulturmiljo', 'Kulturmiljø tas vare på som kunnskapskilde', 'Cultural heritage kept as a source of knowledge'],
    ['no-3.1', 'friluftsliv', 'Friluftslivets posisjon ivaretas', 'Outdoor recreation maintained and developed'],
    ['no-3.2', 'friluftsliv', 'Naturområder for friluftsliv bevares', 'Areas for outdoor recreation preserved'],
    ['no-4.1', 'forurensning', 'Forurensning skader ikke helse og miljø', 'Pollution does not harm health or environment'],
    ['no-4.2', 'forurensning', 'Helse- og miljøfarlige stoffer fases ut', 'Hazardous substances phased out'],
    ['no-4.3', 'forurensning', 'Mindre avfall og mer gjenvinning', 'Less waste, more recovery'],
    ['no-4.4', 'forurensning', 'God luftkvalitet', 'Good air quality'],
    ['no-4.5', 'forurensning', 'Mindre støyplage', 'Less noise nuisance'],
    ['no-5.1', 'klima', 'Kutt i klimagassutslipp innen 2030', 'Greenhouse gas cuts by 2030'],
    ['no-5.2', 'klima', 'Lavutslippssamfunn i 2050', 'A low-emission society by 2050'],
    ['no-5.3', 'klima', 'Samfunnet tilpasses klimaendringene', 'Society adapted to climate change'],
    ['no-6.1', 'polar', 'Villmarkspregede områder på Svalbard opprettholdes', 'Wilderness on Svalbard maintained'],
    ['no-6.2', 'polar', 'Lite miljøpåvirkning i polarområdene', 'Little environmental impact in polar regions'],
  ] as const
).map(([code, area, nb, en]) => ({ code, country: 'NO', area, name: { nb, en } }));

export const ALL_OBJECTIVES: readonly EnvironmentalObjective[] = [...SWEDISH_OBJECTIVES, ...NORWEGIAN_OBJECTIVES];

export function objectiveByCode(code: string): EnvironmentalObjective | undefined {
  return ALL_OBJECTIVES.find((objective) => objective.code === code);
}
