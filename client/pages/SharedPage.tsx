import { useParams } from '@solidjs/router';
import { createResource, createSignal, Match, onCleanup, Show, Switch, type Accessor } from 'solid-js';
import { ApiError } from '../api.js';
import { PageHeading, usePageTitle } from '../components/Page.jsx';
import { dateTime } from '../components/present/ChangeList.jsx';
import { ChangesPanel } from '../components/present/ChangesPanel.jsx';
import { PresentView } from '../components/present/PresentView.jsx';
import { AdoptedVsLive } from '../components/versions/CompareVersions.jsx';
import { guestSource } from '../guest-source.js';
import { t } from '../i18n/index.js';
import { ADOPTED_POLL_MS, usePollWhileOpen } from '../lib/poll-while-open.js';
import { CloseCode } from '../sync/close-codes.js';
import { createSettledRevision, presentSharedDocument, type PresentedDocument } from '../sync/present-document.js';
import { versionsApi, type SharedInfo, type Version } from '../versions-api.js';

/** Why a guest cannot read: the link ended (410, or its socket closed 4401) or never existed (404). */
function LinkEnded(props: { missing?: boolean }) {
  usePageTitle(() => t('present_linkEnded'));
  return (
    <section class="load-error" role="alert" data-link-ended>
      <PageHeading>{props.missing ? t('present_linkMissing') : t('present_linkEnded')}</PageHeading>
      <p>{t('present_linkEndedHelp')}</p>
    </section>
  );
}

/** The adopted version as the compare components name it; a guest never sees its id or author. */
const adoptedList = (adopted: SharedInfo['adopted']): Version[] =>
  adopted ? [{ id: 'adopted', name: adopted.name, kind: 'named', createdAt: adopted.createdAt, createdBy: null, decision: adopted.decision, restoreOf: null }] : [];

/**
 * The link's adopted version, asked for again while the page is open (u11: one adopted
 * meanwhile showed only after a reload): adopting changes no document content, so the live
 * draft does not carry it. A failed ask keeps the last answer; an ended link closes the socket.
 */
function useAdopted(token: string, first: SharedInfo['adopted']): Accessor<SharedInfo['adopted']> {
  const [adopted, setAdopted] = createSignal(first);
  const same = (a: SharedInfo['adopted'], b: SharedInfo['adopted']) => a?.createdAt === b?.createdAt && a?.name === b?.name;
  usePollWhileOpen(() => {
    versionsApi.shared(token).then(
      (info) => !same(info.adopted, adopted()) && setAdopted(info.adopted),
      () => undefined,
    );
  }, ADOPTED_POLL_MS);
  return adopted;
}

/**
 * The member presentation view's "Antagen version mot utkastet" and "Ändrat sedan ditt senaste
 * besök", read through the link (guest-source.ts): the last visit is kept by this browser.
 */
function GuestPanels(props: { info: SharedInfo; token: string; live: PresentedDocument }) {
  const source = guestSource(props.token);
  const revision = createSettledRevision(props.live.doc);
  const adopted = useAdopted(props.token, props.info.adopted);
  return (
    <>
      <AdoptedVsLive source={source} versions={adoptedList(adopted())} currency={props.live.currency()} revision={revision} />
      <ChangesPanel source={source} currency={props.live.currency()} doc={props.live.doc} />
      <p class="muted">{t('changes_guestHere')}</p>
    </>
  );
}

/** The live view over `/ws/:doc?share=<token>`; a 4401 (revoked or expired while open) ends it. */
function SharedPresentation(props: { info: SharedInfo; token: string }) {
  const live = presentSharedDocument(props.info.document.id, props.info.document.kind, props.token);
  const [ended, setEnded] = createSignal(false);
  live.provider.on('closed', ({ code }: { code: number }) => {
    if (code === CloseCode.Unauthorized || code === CloseCode.Forbidden || code === CloseCode.NotFound) {
      setEnded(true);
      void live.destroy();
    }
  });
  onCleanup(() => void live.destroy());
  return (
    <Show when={!ended()} fallback={<LinkEnded />}>
      <PresentView
        live={live}
        kind={props.info.document.kind}
        title={props.info.document.title}
        notice={<p class="present-note no-print">{t('present_guest', { date: dateTime(props.info.expiresAt) })}</p>}
        panels={<GuestPanels info={props.info} token={props.token} live={live} />}
      />
    </Show>
  );
}

/**
 * `/s/:token` (DESIGN "Share links"): a guest without an account reads one document, live and
 * read-only. The token stays in this page: the server sends `Referrer-Policy: no-referrer`
 * and the page makes no third-party requests.
 */
export function SharedPage() {
  const params = useParams<{ token: string }>();
  const [info] = createResource(() => params.token, (token) => versionsApi.shared(token));
  const status = () => (info.error instanceof ApiError ? info.error.status : 0);
  return (
    <Switch fallback={<p role="status">{t('loading')}</p>}>
      <Match when={info.error as unknown}>
        <Show when={status() === 404 || status() === 410} fallback={<p class="error" role="alert">{info.error instanceof Error ? info.error.message : t('errorGeneric')}</p>}>
          <LinkEnded missing={status() === 404} />
        </Show>
      </Match>
      <Match when={info()} keyed>
        {(shared) => <SharedPresentation info={shared} token={params.token} />}
      </Match>
    </Switch>
  );
}
