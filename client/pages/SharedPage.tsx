import { useParams } from '@solidjs/router';
import { createResource, createSignal, Match, onCleanup, Show, Switch, type Accessor } from 'solid-js';
import { ApiError } from '../api.js';
import { PageHeading, usePageTitle } from '../components/Page.jsx';
import { dateTime } from '../components/present/ChangeList.jsx';
import { ChangesPanel } from '../components/present/ChangesPanel.jsx';
import { GuestFacilitation } from '../components/facilitation/GuestFacilitation.jsx';
import { PresentView } from '../components/present/PresentView.jsx';
import { AdoptedVsLive } from '../components/versions/CompareVersions.jsx';
import { guestSource } from '../guest-source.js';
import { t } from '../i18n/index.js';
import { ADOPTED_POLL_MS, usePollWhileOpen } from '../lib/poll-while-open.js';
import { CloseCode } from '../sync/close-codes.js';
import { createSettledRevision, presentSharedDocument, type PresentedDocument } from '../sync/present-document.js';
import { versionsApi, type SharedInfo, type Version } from '../versions-api.js';

/**
 * Why a guest cannot read: the link ended (410, or its socket closed 4401/4403), never existed
 * (404 `share.not-found`), or its document was moved to the trash (404
 * `share.document-deleted`, or the open socket closed 4404).
 */
type LinkGone = 'ended' | 'missing' | 'removed';

const GONE_TEXT = {
  ended: ['present_linkEnded', 'present_linkEndedHelp'],
  missing: ['present_linkMissing', 'present_linkEndedHelp'],
  removed: ['present_linkRemoved', 'present_linkRemovedHelp'],
} as const;

function LinkEnded(props: { why: LinkGone }) {
  usePageTitle(() => t(GONE_TEXT[props.why][0]));
  return (
    <section class="load-error" role="alert" data-link-ended={props.why}>
      <PageHeading>{t(GONE_TEXT[props.why][0])}</PageHeading>
      <p>{t(GONE_TEXT[props.why][1])}</p>
    </section>
  );
}

/** What a failed `GET /api/shared/:token` means for the guest, or null for any other failure. */
function goneOf(error: unknown): LinkGone | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 410) return 'ended';
  if (error.status !== 404) return null;
  return error.code === 'share.document-deleted' ? 'removed' : 'missing';
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
  const [ended, setEnded] = createSignal<LinkGone | null>(null);
  live.provider.on('closed', ({ code }: { code: number }) => {
    if (code === CloseCode.Unauthorized || code === CloseCode.Forbidden || code === CloseCode.NotFound) {
      // 4404: the document was deleted while the page was open (README "Document lifecycle").
      setEnded(code === CloseCode.NotFound ? 'removed' : 'ended');
      void live.destroy();
    }
  });
  onCleanup(() => void live.destroy());
  return (
    <Show when={ended() === null} fallback={<LinkEnded why={ended() ?? 'ended'} />}>
      <PresentView
        live={live}
        kind={props.info.document.kind}
        title={props.info.document.title}
        notice={
          <>
            <p class="present-note no-print">{t('present_guest', { date: dateTime(props.info.expiresAt) })}</p>
            <GuestFacilitation doc={live.doc} kind={props.info.document.kind} awareness={live.provider.awareness} />
          </>
        }
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
  return (
    <Switch fallback={<p role="status">{t('loading')}</p>}>
      <Match when={info.error as unknown}>
        <Show when={goneOf(info.error)} keyed fallback={<p class="error" role="alert">{info.error instanceof Error ? info.error.message : t('errorGeneric')}</p>}>
          {(why) => <LinkEnded why={why} />}
        </Show>
      </Match>
      <Match when={info()} keyed>
        {(shared) => <SharedPresentation info={shared} token={params.token} />}
      </Match>
    </Switch>
  );
}
