/**
 * The strategy (energi- och klimatstrategi / klima- og energiplan): vision, focus areas,
 * goals tied to national environmental objectives, indicators with yearly measurements.
 */
import * as Y from 'yjs';
import { INDICATOR_DIRECTIONS, SCHEMA_VERSION, type IndicatorDirection } from './kinds.js';
import { orderKeys } from './order.js';
import { newId } from './ids.js';
import { addItem, type CollectionSpec } from './collections.js';
import { ensureSessionShape, readPriority } from './session.js';
import {
  itemsInOrder,
  rootMaps,
  itemsOf,
  readEnum,
  readInt,
  readNullableString,
  readNumber,
  readSet,
  readString,
  readText,
  toYSet,
  writeFields,
  type YItem,
} from './ymap.js';

export interface MeasurementJSON {
  year: number;
  value: number;
  source: string;
}

export interface IndicatorJSON {
  id: string;
  goalId: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  baselineYear: number | null;
  baselineValue: number | null;
  targetYear: number | null;
  targetValue: number | null;
  measurements: MeasurementJSON[];
}

export interface StrategyGoalJSON {
  id: string;
  focusAreaId: string | null;
  number: string;
  title: string;
  description: string;
  objectives: string[];
  /** `"docId:activityId"` of action-plan activities that deliver this goal. */
  links: string[];
  /** Rank from the last closed dot-vote round (1 = most dots); null when not ranked. Schema 2. */
  priority: number | null;
  indicators: IndicatorJSON[];
}

export interface FocusAreaJSON {
  /** `null` for the entry holding goals whose focus area no longer exists. */
  id: string | null;
  title: string;
  description: string;
  /** Rank from the last closed dot-vote round; null when not ranked. Schema 2. */
  priority: number | null;
  goals: StrategyGoalJSON[];
}

export interface StrategyJSON {
  kind: 'strategy';
  schemaVersion: number;
  title: string;
  adopted: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  vision: string;
  focusAreas: FocusAreaJSON[];
  /** Goals without a focus area (`focusAreaId: null`). */
  goals: StrategyGoalJSON[];
  /** Indicators whose goal no longer exists. */
  orphanIndicators: IndicatorJSON[];
}

type IndicatorInit = Omit<IndicatorJSON, 'id' | 'goalId'> & { id?: string };
type GoalInit = Omit<StrategyGoalJSON, 'id' | 'focusAreaId' | 'indicators' | 'priority'> & {
  id?: string;
  priority?: number | null;
  indicators?: IndicatorInit[];
};
export interface StrategyInit {
  title: string;
  adopted?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  vision?: string;
  focusAreas?: Array<{ id?: string; title: string; description?: string; priority?: number | null; goals?: GoalInit[] }>;
  goals?: GoalInit[];
}

export function strategyRoots(doc: Y.Doc) {
  return { ...rootMaps(doc, ['meta', 'focusAreas', 'goals', 'indicators']), vision: doc.getText('vision') };
}

export function createStrategy(doc: Y.Doc, init: StrategyInit): void {
  const roots = strategyRoots(doc);
  doc.transact(() => {
    writeFields(roots.meta, {
      kind: 'strategy',
      schemaVersion: SCHEMA_VERSION,
      title: init.title,
      adopted: init.adopted ?? null,
      periodStart: init.periodStart ?? null,
      periodEnd: init.periodEnd ?? null,
    });
    if (init.vision) roots.vision.insert(0, init.vision);
    const areas = init.focusAreas ?? [];
    const areaOrders = orderKeys(areas.length);
    areas.forEach((area, i) => {
      const id = area.id ?? newId();
      const map = new Y.Map<unknown>();
      roots.focusAreas.set(id, map);
      const fields = { order: areaOrders[i], title: area.title, description: area.description ?? '', priority: area.priority ?? null };
      writeFields(map, fields, ['description']);
      writeGoals(roots, id, area.goals ?? []);
    });
    writeGoals(roots, null, init.goals ?? []);
    ensureSessionShape(doc);
  });
}

function writeGoals(roots: ReturnType<typeof strategyRoots>, focusAreaId: string | null, goals: GoalInit[]): void {
  const goalOrders = orderKeys(goals.length);
  goals.forEach((goal, i) => {
    const id = goal.id ?? newId();
    const map = new Y.Map<unknown>();
    roots.goals.set(id, map);
    writeFields(
      map,
      { focusAreaId, order: goalOrders[i], number: goal.number, title: goal.title, description: goal.description, priority: goal.priority ?? null },
      ['title', 'description'],
    );
    map.set('objectives', toYSet(goal.objectives));
    map.set('links', toYSet(goal.links));
    const indicators = goal.indicators ?? [];
    const indicatorOrders = orderKeys(indicators.length);
    indicators.forEach((indicator, j) => {
      const { measurements, id: indicatorId, ...fields } = indicator;
      const indicatorMap = new Y.Map<unknown>();
      roots.indicators.set(indicatorId ?? newId(), indicatorMap);
      writeFields(indicatorMap, { ...fields, goalId: id, order: indicatorOrders[j] });
      const byYear = new Y.Map<unknown>();
      indicatorMap.set('measurements', byYear);
      for (const m of measurements) {
        const entry = new Y.Map<unknown>();
        byYear.set(String(m.year), entry);
        writeFields(entry, { value: m.value, source: m.source });
      }
    });
  });
}

function measurementsOf(map: YItem): MeasurementJSON[] {
  const byYear = map.get('measurements');
  if (!(byYear instanceof Y.Map)) return [];
  return itemsOf(byYear as Y.Map<unknown>)
    .filter(([year]) => /^\d{4}$/.test(year))
    .map(([year, entry]) => ({ year: Number(year), value: readNumber(entry, 'value'), source: readString(entry, 'source') }))
    .filter((m): m is MeasurementJSON => m.value !== null)
    .sort((a, b) => a.year - b.year);
}

export function strategyToJSON(doc: Y.Doc): StrategyJSON {
  const roots = strategyRoots(doc);
  const indicatorsByGoal = new Map<string, IndicatorJSON[]>();
  for (const [id, map] of itemsInOrder(roots.indicators)) {
    const indicator: IndicatorJSON = {
      id,
      goalId: readString(map, 'goalId'),
      name: readString(map, 'name'),
      unit: readString(map, 'unit'),
      direction: readEnum(map, 'direction', INDICATOR_DIRECTIONS, 'decrease'),
      baselineYear: readInt(map, 'baselineYear'),
      baselineValue: readNumber(map, 'baselineValue'),
      targetYear: readInt(map, 'targetYear'),
      targetValue: readNumber(map, 'targetValue'),
      measurements: measurementsOf(map),
    };
    indicatorsByGoal.set(indicator.goalId, [...(indicatorsByGoal.get(indicator.goalId) ?? []), indicator]);
  }
  const goalsByArea = new Map<string, StrategyGoalJSON[]>();
  for (const [id, map] of itemsInOrder(roots.goals)) {
    const goal: StrategyGoalJSON = {
      id,
      focusAreaId: readNullableString(map, 'focusAreaId'),
      number: readString(map, 'number'),
      title: readText(map, 'title'),
      description: readText(map, 'description'),
      objectives: readSet(map, 'objectives'),
      links: readSet(map, 'links'),
      priority: readPriority(map),
      indicators: indicatorsByGoal.get(id) ?? [],
    };
    indicatorsByGoal.delete(id);
    const key = goal.focusAreaId ?? '';
    goalsByArea.set(key, [...(goalsByArea.get(key) ?? []), goal]);
  }
  const focusAreas: FocusAreaJSON[] = itemsInOrder(roots.focusAreas).map(([id, map]) => {
    const goals = goalsByArea.get(id) ?? [];
    goalsByArea.delete(id);
    return { id, title: readString(map, 'title'), description: readText(map, 'description'), priority: readPriority(map), goals };
  });
  const unplaced = goalsByArea.get('') ?? [];
  goalsByArea.delete('');
  const orphanGoals = [...goalsByArea.values()].flat();
  if (orphanGoals.length > 0) focusAreas.push({ id: null, title: '', description: '', priority: null, goals: orphanGoals });

  return {
    kind: 'strategy',
    schemaVersion: readInt(roots.meta, 'schemaVersion') ?? SCHEMA_VERSION,
    title: readString(roots.meta, 'title'),
    adopted: readNullableString(roots.meta, 'adopted'),
    periodStart: readNullableString(roots.meta, 'periodStart'),
    periodEnd: readNullableString(roots.meta, 'periodEnd'),
    vision: roots.vision.toString(),
    focusAreas,
    goals: unplaced,
    orphanIndicators: [...indicatorsByGoal.values()].flat(),
  };
}

/** Every goal of a strategy, wherever it sits. */
export function allStrategyGoals(strategy: Pick<StrategyJSON, 'focusAreas' | 'goals'>): StrategyGoalJSON[] {
  return [...strategy.focusAreas.flatMap((area) => area.goals), ...strategy.goals];
}

/** The strategy's collections, for the generic edits in collections.ts. */
export const STRATEGY_COLLECTIONS = {
  focusAreas: { root: 'focusAreas', textKeys: ['description'], defaults: { priority: null } },
  goals: { root: 'goals', textKeys: ['title', 'description'], groupKey: 'focusAreaId', defaults: { priority: null } },
  indicators: { root: 'indicators', groupKey: 'goalId' },
} as const satisfies Record<string, CollectionSpec>;

/** A new goal, with its (empty) sets of objectives and links. */
export function addStrategyGoal(doc: Y.Doc, focusAreaId: string | null, fields: { number: string; title: string }, origin?: unknown): string {
  let id = '';
  doc.transact(() => {
    id = addItem(doc, STRATEGY_COLLECTIONS.goals, { focusAreaId, description: '', ...fields }, origin);
    const map = strategyRoots(doc).goals.get(id);
    if (map instanceof Y.Map) {
      map.set('objectives', new Y.Map<true>());
      map.set('links', new Y.Map<true>());
    }
  }, origin);
  return id;
}

/** A new indicator with an empty yearly series. */
export function addIndicator(doc: Y.Doc, goalId: string, fields: Omit<IndicatorJSON, 'id' | 'goalId' | 'measurements'>, origin?: unknown): string {
  let id = '';
  doc.transact(() => {
    id = addItem(doc, STRATEGY_COLLECTIONS.indicators, { goalId, ...fields }, origin);
    const map = strategyRoots(doc).indicators.get(id);
    if (map instanceof Y.Map) map.set('measurements', new Y.Map<unknown>());
  }, origin);
  return id;
}

/**
 * Sets (or with `null` removes) one year's measurement. Years are keys, so two people
 * entering different years never conflict.
 */
export function setMeasurement(doc: Y.Doc, indicatorId: string, year: number, measurement: { value: number; source: string } | null, origin?: unknown): void {
  const indicator = strategyRoots(doc).indicators.get(indicatorId);
  if (!(indicator instanceof Y.Map)) return;
  doc.transact(() => {
    let byYear = indicator.get('measurements');
    if (!(byYear instanceof Y.Map)) {
      byYear = new Y.Map<unknown>();
      indicator.set('measurements', byYear);
    }
    const years = byYear as Y.Map<unknown>;
    if (measurement === null) {
      years.delete(String(year));
      return;
    }
    const entry = years.get(String(year));
    if (entry instanceof Y.Map) writeFields(entry as YItem, measurement);
    else {
      const map = new Y.Map<unknown>();
      years.set(String(year), map);
      writeFields(map, measurement);
    }
  }, origin);
}
