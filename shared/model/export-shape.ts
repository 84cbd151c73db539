/**
 * A document's plain JSON as `GET …/export.json` gives it (DESIGN "Document schemas":
 * "Orphans export under a goal/item entry with `id: null`"). The model keeps a strategy's
 * indicators whose goal no longer exists apart (`orphanIndicators`, for the editor and
 * validation); the export puts them in a goal entry with `id: null` at the end of `goals`,
 * as a plan's orphaned activities and an agenda's orphaned items already are.
 */
import type { DocumentJSON } from './document.js';
import type { StrategyGoalJSON, StrategyJSON } from './strategy.js';

/** A strategy's goal entry in the export: the model's, or the `id: null` one of orphaned indicators. */
export type ExportedStrategyGoal = Omit<StrategyGoalJSON, 'id'> & { id: string | null };

/** A strategy as exported: no `orphanIndicators`, its goals may end with the `id: null` entry. */
export type ExportedStrategy = Omit<StrategyJSON, 'orphanIndicators' | 'goals'> & { goals: ExportedStrategyGoal[] };

/** A document as exported. */
export type ExportedDocument = Exclude<DocumentJSON, StrategyJSON> | ExportedStrategy;

/** The export shape of `json`: a strategy with its orphaned indicators under an `id: null` goal; other kinds as they are. */
export function exportShape(json: DocumentJSON): ExportedDocument {
  if (json.kind !== 'strategy') return json;
  const { orphanIndicators, goals, ...rest } = json;
  if (orphanIndicators.length === 0) return { ...rest, goals };
  const holder: ExportedStrategyGoal = { id: null, focusAreaId: null, number: '', title: '', description: '', objectives: [], links: [], priority: null, indicators: orphanIndicators };
  return { ...rest, goals: [...goals, holder] };
}

/** The model's shape of an exported document (`exportShape` undone): a strategy's `id: null` goal entry back to `orphanIndicators`. */
export function modelShape(exported: ExportedDocument): DocumentJSON {
  if (exported.kind !== 'strategy') return exported;
  const goals = exported.goals.filter((goal): goal is StrategyGoalJSON => goal.id !== null);
  const orphanIndicators = exported.goals.filter((goal) => goal.id === null).flatMap((goal) => goal.indicators);
  return { ...exported, goals, orphanIndicators };
}
