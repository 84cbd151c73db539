import { A, useParams } from '@solidjs/router';
import { createResource, Match, Switch } from 'solid-js';
import type { ActionPlanJSON } from '../../shared/model/action-plan.js';
import type { AgendaJSON } from '../../shared/model/agenda.js';
import type { StrategyJSON } from '../../shared/model/strategy.js';
import { LoadError } from '../components/LoadError.jsx';
import { PageHeading, usePageTitle } from '../components/Page.jsx';
import { dateTime } from '../components/present/ChangeList.jsx';
import { PresentAgenda } from '../components/present/PresentAgenda.jsx';
import { PresentPlan } from '../components/present/PresentPlan.jsx';
import { PresentStrategy } from '../components/present/PresentStrategy.jsx';
import { usePrintTime } from '../components/present/PresentView.jsx';
import '../components/present/present.css';
import { RequireUser } from '../components/RequireUser.jsx';
import { t } from '../i18n/index.js';
import { versionsApi, type Version, type VersionExport } from '../versions-api.js';

/** Nothing in a stored version is "changed in the last minutes". */
const NOTHING_RECENT = () => new Set<string>();

/** "Antagen av Kommunstyrelsen 2027-03-15, KS 2027-03-15 § 42", or when an undecided version was made. */
export function versionDetail(version: Version): string {
  const d = version.decision;
  return d ? t('version_decision', { body: d.body, date: d.date, reference: d.reference }) : dateTime(version.createdAt);
}

function VersionBody(props: { json: VersionExport }) {
  return (
    <Switch fallback={<p>{t('documentUnsupported')}</p>}>
      <Match when={props.json.kind === 'action-plan'}>
        <PresentPlan plan={props.json as ActionPlanJSON} recent={NOTHING_RECENT} />
      </Match>
      <Match when={props.json.kind === 'strategy'}>
        <PresentStrategy strategy={props.json as StrategyJSON} recent={NOTHING_RECENT} />
      </Match>
      <Match when={props.json.kind === 'agenda'}>
        <PresentAgenda agenda={props.json as AgendaJSON} recent={NOTHING_RECENT} />
      </Match>
    </Switch>
  );
}

/** A stored version in the presentation view: not live, said by a banner on screen and a line on paper. */
function VersionView(props: { documentId: string; json: VersionExport }) {
  const version = () => props.json.version;
  const label = () => t('version_banner', { name: version().name, detail: versionDetail(version()) });
  const printed = usePrintTime();
  usePageTitle(() => `${version().name} – ${props.json.title}`);
  return (
    <article class="present version-view" data-kind={props.json.kind} data-version={version().id}>
      <div class="present-toolbar no-print">
        <p class="present-links">
          <A href={`/d/${props.documentId}/present`}>{t('version_back')}</A>
        </p>
        <button type="button" class="secondary" onClick={() => window.print()}>
          {t('present_print')}
        </button>
      </div>
      <p class="version-banner no-print" role="note">
        {label()}
      </p>
      <p class="present-printed">{t('version_printed', { label: label(), time: printed() })}</p>
      <PageHeading class="present-title">{props.json.title}</PageHeading>
      <VersionBody json={props.json} />
    </article>
  );
}

/**
 * `/d/:doc/versions/:v` (DESIGN "Versions, changes, the live draft": open a version
 * read-only): `GET …/versions/:v/export.json` as the presentation view, for every member.
 * Not live: it is the document as the version holds it.
 */
export function VersionPage() {
  const params = useParams<{ doc: string; v: string }>();
  const [json, { refetch }] = createResource(
    () => ({ doc: params.doc, v: params.v }),
    ({ doc, v }) => versionsApi.versionExport(doc, v),
  );
  return (
    <RequireUser>
      {() => (
        <Switch fallback={<p role="status">{t('loading')}</p>}>
          <Match when={json.error as unknown}>
            <LoadError error={json.error} what="document" onRetry={() => void refetch()} documentHref={`/d/${encodeURIComponent(params.doc)}`} />
          </Match>
          <Match when={json()} keyed>
            {(loaded) => <VersionView documentId={params.doc} json={loaded} />}
          </Match>
        </Switch>
      )}
    </RequireUser>
  );
}
