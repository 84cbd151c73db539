/**
 * What one update of the hostile run's pending-struct bomb costs the room's main thread
 * (docs/security-hostile.md), measured in-process without sockets: the demo plan (or one of
 * `--activities=N`), an UpdateGuard with the default limits and a work budget, then the
 * attacker's updates — admitted (scan, caps, content limits), applied, settled — until one is
 * refused, with a bystander's edit of `meta.subtitle` between them. Prints the median and
 * max per update for each. `npx tsx tests/bench/pending-admission.ts [--activities=2000] [--rounds=5]`
 */
import { readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { createDocument } from '../../shared/model/document.js';
import { importPlanTable } from '../../shared/table/import.js';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.js';
import { UpdateGuard } from '../../server/sync/update-guard.js';
import { RefusedUpdate } from '../../server/sync/update-scan.js';
import { WorkBudget } from '../../server/sync/work-budget.js';
import { pendingUpdate } from '../hostile/attacks-content.js';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);

function planDoc(activities: number): Y.Doc {
  if (activities === 0) return createDocument('action-plan', importPlanTable(readFileSync(new URL('../../shared/samples/handlingsplan-smaland.tsv', import.meta.url), 'utf8')).plan);
  const rows = ['Plan', '', 'Mål\tAktiviteter\tBudget\tAnsvar\tTidplan\tMottagare av resultat'];
  for (let g = 1; g <= Math.ceil(activities / 19); g++) {
    rows.push(`Mål ${g}\t\t\t\t\t`);
    for (let a = 1; a <= 19; a++) rows.push(`${g}.${a} Aktivitet\t${'Beskrivning '.repeat(8)}\t100 000\tLänsstyrelsen\t2027-01-01 - 2027-12-31\tKommunerna`);
  }
  return createDocument('action-plan', importPlanTable(rows.join('\n')).plan);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => value.toFixed(2);

function round(activities: number): { attacker: number[]; refused: number[]; bystander: number[] } {
  const doc = planDoc(activities);
  const guard = new UpdateGuard(DEFAULT_SYNC_LIMITS, new WorkBudget(1e9, 1e9));
  guard.describe(doc);
  const bystander = new Y.Doc();
  Y.applyUpdate(bystander, Y.encodeStateAsUpdate(doc));
  const times = { attacker: [] as number[], refused: [] as number[], bystander: [] as number[] };
  const send = (update: Uint8Array, userId: string): boolean => {
    try {
      const { scan, pieces } = guard.admitInPieces(doc, update, 0, 4_000, { facilitates: false, userId });
      for (const piece of pieces) Y.applyUpdate(doc, piece);
      guard.settle(doc, scan, 0);
      return true;
    } catch (error) {
      if (error instanceof RefusedUpdate) return false;
      throw error;
    }
  };
  for (let i = 0; i < 200; i++) {
    const update = pendingUpdate();
    const started = performance.now();
    const admitted = send(update, 'attacker');
    (admitted ? times.attacker : times.refused).push(performance.now() - started);
    const before = Y.encodeStateVector(bystander);
    bystander.getMap('meta').set('subtitle', `edit ${i}`);
    const edit = Y.encodeStateAsUpdate(bystander, before);
    const editStarted = performance.now();
    send(edit, 'bystander');
    times.bystander.push(performance.now() - editStarted);
  }
  return times;
}

const activities = arg('activities', 0);
for (let r = 0; r < arg('rounds', 3); r++) {
  const { attacker, refused, bystander } = round(activities);
  console.log(
    `${activities || 'demo plan'}: attacker admitted ${attacker.length} median ${ms(median(attacker))} max ${ms(Math.max(...attacker))} ms;`,
    `refused ${refused.length} median ${ms(median(refused))} max ${ms(Math.max(0, ...refused))} ms;`,
    `bystander median ${ms(median(bystander))} max ${ms(Math.max(...bystander))} ms`,
  );
}
