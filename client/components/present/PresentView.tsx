import { createSignal, Match, onCleanup, Show, Switch, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import { actionPlanToJSON } from '../../../shared/model/action-plan.js';
import { agendaToJSON } from '../../../shared/model/agenda.js';
import type { DocumentKind } from '../../../shared/model/kinds.js';
import { strategyToJSON } from '../../../shared/model/strategy.js';
import { t } from '../../i18n/index.js';
import { statusMessage } from '../../sync/close-codes.js';
import type { PresentedDocument } from '../../sync/present-document.js';
import { createDocView } from '../../sync/y-solid.js';
import { createFirstContent } from '../../sync/first-content.js';
import { PageHeading, usePageTitle } from '../Page.jsx';
import { PresentAgenda } from './PresentAgenda.jsx';
import { PresentPlan } from './PresentPlan.jsx';
import { PresentStrategy } from './PresentStrategy.jsx';
import './present.css';

type Recent = () => ReadonlySet<string>;

/** "2026-11-29 19:40" in the reader's time zone. */
export function printTime(ms: number): string {
  return new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

/** When the page is printed (set again just before printing), for the line saying what the paper is. */
export function usePrintTime(): () => string {
  const [time, setTime] = createSignal(printTime(Date.now()));
  const update = () => setTime(printTime(Date.now()));
  window.addEventListener('beforeprint', update);
  onCleanup(() => window.removeEventListener('beforeprint', update));
  return time;
}

/** The line under the title (a plan's subtitle, an agenda's network) and its key in `recent`. */
interface Lead {
  text: () => string;
  key: string;
}

/**
 * The document's body by kind; each reads its own reactive view of the Y.Doc (y-solid.ts).
 * `onTitle` and `onLead` hand the title and the line under it up to the page's heading.
 */
function Body(props: { doc: Y.Doc; kind: DocumentKind; recent: Recent; onTitle: (title: () => string) => void; onLead: (lead: Lead) => void }) {
  return (
    <Switch fallback={<p>{t('documentUnsupported')}</p>}>
      <Match when={props.kind === 'action-plan'}>
        {(() => {
          const plan = createDocView(props.doc, actionPlanToJSON);
          props.onTitle(() => plan.title);
          props.onLead({ text: () => plan.subtitle, key: 'meta:subtitle' });
          return <PresentPlan plan={plan} recent={props.recent} />;
        })()}
      </Match>
      <Match when={props.kind === 'strategy'}>
        {(() => {
          const strategy = createDocView(props.doc, strategyToJSON);
          props.onTitle(() => strategy.title);
          return <PresentStrategy strategy={strategy} recent={props.recent} />;
        })()}
      </Match>
      <Match when={props.kind === 'agenda'}>
        {(() => {
          const agenda = createDocView(props.doc, agendaToJSON);
          props.onTitle(() => agenda.title);
          props.onLead({ text: () => agenda.network, key: 'meta:network' });
          return <PresentAgenda agenda={agenda} recent={props.recent} />;
        })()}
      </Match>
    </Switch>
  );
}

/**
 * The presentation view (DESIGN "Versions, changes, the live draft"): the document in large
 * type without editing chrome, live, with what changed in the last minutes marked (it
 * fades, present.css); prints as an A4 document. The subtitle follows the title, above the
 * panels (user test U15 item 5: it stood below them, far from the title). `links` (e.g. "Öppna hela vyn") and
 * `panels` (changes since the last visit, versions) are left out of print. `notice` goes
 * above the title; `session` (the workshop: spotlight, open rounds, the last results) after
 * it — results above the title read as the document's beginning (user test).
 */
export function PresentView(props: { live: PresentedDocument; kind: DocumentKind; title: string; links?: JSX.Element; notice?: JSX.Element; session?: JSX.Element; panels?: JSX.Element }) {
  const printed = usePrintTime();
  const contentReady = createFirstContent(props.live);
  // The live title comes from the kind's view, made further down; a signal carries its reader up.
  const [readTitle, setReadTitle] = createSignal<() => string>(() => props.title);
  const title = () => readTitle()() || props.title;
  const [lead, setLead] = createSignal<Lead | null>(null);
  usePageTitle(() => `${title()} – ${t('present_open')}`);
  const status = () => t(statusMessage(props.live.status()).key, statusMessage(props.live.status()).params);
  return (
    <article class="present" data-kind={props.kind}>
      <div class="present-toolbar no-print">
        <Show when={props.links}>
          <p class="present-links">{props.links}</p>
        </Show>
        <button type="button" class="secondary" onClick={() => window.print()}>
          {t('present_print')}
        </button>
        <span class="present-status" role="status" data-status={props.live.status().state}>
          {status()}
        </span>
      </div>
      {props.notice}
      <p class="present-printed">{t('present_printedLive', { time: printed() })}</p>
      <PageHeading class="present-title">{title()}</PageHeading>
      <Show when={lead()?.text()}>
        {(text) => (
          <p class="present-subtitle" classList={{ recent: props.live.recent().has(lead()?.key ?? '') }}>
            {text()}
          </p>
        )}
      </Show>
      <p class="present-note no-print">{t('present_live')}</p>
      {props.session}
      <Show when={props.panels}>
        <div class="present-panels no-print">{props.panels}</div>
      </Show>
      <Show when={contentReady()} fallback={<p role="status" class="document-loading">{t('loadingDocument')}</p>}>
        <Body doc={props.live.doc} kind={props.kind} recent={props.live.recent} onTitle={(read) => setReadTitle(() => read)} onLead={(next) => setLead(next)} />
      </Show>
    </article>
  );
}
