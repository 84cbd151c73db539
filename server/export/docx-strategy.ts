/**
 * The strategy as a Word document: vision, each focus area with its goals (number, title,
 * description, environmental objectives) and an indicator table (baseline, target, the
 * latest measurement) — what a council paper quotes.
 */
import type { Paragraph, Table } from 'docx';
import type { Locale } from '../../shared/locale.js';
import type { IndicatorJSON, StrategyGoalJSON, StrategyJSON } from '../../shared/model/strategy.js';
import { heading, packDocx, paragraphs, table, title } from './docx-parts.js';
import { timeframe } from './docx-plan.js';
import { EXPORT_WORDS, type ExportWords } from './labels.js';

/** The strategy's .docx bytes, in `locale`'s words. */
export async function buildStrategyDocx(strategy: StrategyJSON, locale: Locale): Promise<Uint8Array> {
  const words = EXPORT_WORDS[locale];
  const children: Array<Paragraph | Table> = [title(strategy.title)];
  const period = timeframe(strategy.periodStart, strategy.periodEnd);
  if (period !== '') children.push(...paragraphs(`${words.period}: ${period}`));
  children.push(...paragraphs(strategy.vision, { italics: true }));
  for (const area of strategy.focusAreas) {
    children.push(heading(area.id === null ? '–' : area.title, 1), ...paragraphs(area.description));
    for (const goal of area.goals) children.push(...goalBody(goal, words));
  }
  for (const goal of strategy.goals) children.push(...goalBody(goal, words));
  return packDocx(strategy.title, children, locale);
}

function goalBody(goal: StrategyGoalJSON, words: ExportWords): Array<Paragraph | Table> {
  const body: Array<Paragraph | Table> = [heading(`${words.goal} ${goal.number} ${goal.title}`.trim(), 2), ...paragraphs(goal.description)];
  if (goal.objectives.length > 0) body.push(...paragraphs(`${words.objectives}: ${goal.objectives.join(', ')}`, { italics: true }));
  if (goal.indicators.length > 0) {
    const header = [words.indicator, words.baselineValue, words.targetValue, words.latest];
    body.push(table(header, goal.indicators.map((indicator) => indicatorRow(indicator)), [40, 20, 20, 20]));
  }
  return body;
}

function indicatorRow(indicator: IndicatorJSON): string[] {
  const value = (year: number | null, amount: number | null) => (amount === null ? '' : `${amount} ${indicator.unit}${year === null ? '' : ` (${year})`}`.trim());
  const latest = indicator.measurements.at(-1);
  return [indicator.name, value(indicator.baselineYear, indicator.baselineValue), value(indicator.targetYear, indicator.targetValue), latest ? value(latest.year, latest.value) : ''];
}
