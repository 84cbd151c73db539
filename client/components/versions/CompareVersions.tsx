import { A } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show, type Accessor } from 'solid-js';
import type { CompareResult } from '../../../shared/compare/types.js';
import { t } from '../../i18n/index.js';
import { memberSource, type Version, type VersionsSource } from '../../versions-api.js';
import { ErrorText, messageOf } from '../ErrorText.jsx';
import { ChangeList } from '../present/ChangeList.jsx';
import { adoptedByText } from './decision-text.js';
import { keepSelectValue } from '../../lib/select-value.js';
import { nameShared, versionWhen, withWhen } from './version-when.js';

/** `adopted` is the latest version with a decision (the list is newest first). */
const latestAdopted = (versions: readonly Version[]) => versions.find((v) => v.decision !== null);

/**
 * What a compared state is called: "Utkastet (live)", "Antagen version ”X” (KS 2027-03-15 § 42)"
 * or "Version ”X”" — so a result always says which two states it compares; with when it was
 * saved where another version has the same name (user test U14 item 5).
 */
export function stateName(which: string, versions: readonly Version[]): string {
  if (which === 'live') return t('versions_live');
  const version = which === 'adopted' ? latestAdopted(versions) : versions.find((v) => v.id === which);
  if (!version) return which;
  const name = version.decision ? t('versions_stateAdopted', { name: version.name, reference: version.decision.reference }) : t('versions_stateNamed', { name: version.name });
  return nameShared(version, versions) ? withWhen(name, version, versionWhen(versions)) : name;
}

interface Shown {
  from: string;
  to: string;
  result: CompareResult;
}

/**
 * Running a comparison and keeping it current: one that involves the live draft is run again
 * after each burst of changes (`revision`, present-document.ts), without moving focus.
 */
function useCompare(source: () => VersionsSource, revision: Accessor<number> | undefined) {
  const [shown, setShown] = createSignal<Shown | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let request = 0;
  const run = async (from: string, to: string): Promise<boolean> => {
    const mine = ++request;
    setError(null);
    try {
      const result = await source().compare(from, to);
      if (mine === request) setShown({ from, to, result });
      return mine === request;
    } catch (e) {
      if (mine === request) setError(messageOf(e, t('errorGeneric')));
      return false;
    }
  };
  if (revision) {
    createEffect(
      on(
        revision,
        () => {
          const current = shown();
          if (current && (current.from === 'live' || current.to === 'live')) void run(current.from, current.to);
        },
        { defer: true },
      ),
    );
  }
  return { shown, error, run };
}

/** A result under a heading naming both states; `focus` moves there (and scrolls it into view) when asked for. */
function CompareResultView(props: { shown: Shown; versions: readonly Version[]; currency: string; ref: (heading: HTMLHeadingElement) => void }) {
  const title = () => `${stateName(props.shown.from, props.versions)} → ${stateName(props.shown.to, props.versions)}`;
  return (
    <div class="compare-result" data-from={props.shown.from} data-to={props.shown.to}>
      <h3 tabindex="-1" ref={props.ref}>
        {t('versions_compareResultOf', { states: title() })}
      </h3>
      <ChangeList result={props.shown.result} currency={props.currency} empty={t('versions_noDifferences')} />
    </div>
  );
}

/** Runs a comparison the person asked for, then takes them to its result. */
function useFocusedCompare(source: () => VersionsSource, revision: Accessor<number> | undefined) {
  const compare = useCompare(source, revision);
  let heading: HTMLHeadingElement | undefined;
  const ask = async (from: string, to: string) => {
    if (!(await compare.run(from, to))) return;
    queueMicrotask(() => {
      heading?.focus({ preventScroll: true });
      heading?.scrollIntoView({ block: 'start' });
    });
  };
  return { ...compare, ask, setHeading: (el: HTMLHeadingElement) => (heading = el) };
}

/**
 * "Antagen version mot utkastet" as one visible button (for politicians, at the top of the
 * presentation view), with a way to read the adopted version itself where `source` has one
 * (not a guest's); nothing without an adopted version. `source`: `memberSource` or guest-source.ts.
 */
export function AdoptedVsLive(props: { source: VersionsSource; versions: readonly Version[]; currency: string; revision?: Accessor<number> }) {
  const compare = useFocusedCompare(() => props.source, props.revision);
  // A newer adoption while a comparison is shown: it is run again against that one (u11).
  const adoptedKey = () => {
    const adopted = latestAdopted(props.versions);
    return adopted ? `${adopted.id}@${adopted.createdAt}` : '';
  };
  createEffect(
    on(
      adoptedKey,
      (key) => {
        const shown = compare.shown();
        if (key && shown?.from === 'adopted') void compare.run(shown.from, shown.to);
      },
      { defer: true },
    ),
  );
  return (
    <Show when={latestAdopted(props.versions)}>
      {(adopted) => (
        <section class="adopted-vs-live" aria-labelledby="adopted-heading">
          <h2 id="adopted-heading">{t('versions_adoptedHeading')}</h2>
          {/* The name once, then the decision it is tied to (u11: the heading's words came twice, no body or date). */}
          <p class="adopted-version">
            <strong data-adopted-name>{adopted().name}</strong>
            <Show when={adopted().decision}>
              {(decision) => (
                <>
                  <br />
                  <span data-adopted-decision>{adoptedByText(decision())}</span>
                </>
              )}
            </Show>
          </p>
          <p class="actions">
            <button type="button" data-compare="adopted" onClick={() => void compare.ask('adopted', 'live')}>
              {t('versions_adoptedVsLive')}
            </button>{' '}
            <Show when={props.source.versionHref(adopted().id)}>{(href) => <A href={href()}>{t('versions_openAdopted')}</A>}</Show>
          </p>
          <ErrorText message={compare.error()} />
          <Show when={compare.shown()}>{(s) => <CompareResultView shown={s()} versions={props.versions} currency={props.currency} ref={compare.setHeading} />}</Show>
        </section>
      )}
    </Show>
  );
}

/**
 * Compare any two versions, or a version with the live draft (DESIGN "Versions"): from the
 * latest adopted (else the latest) version to the live draft by default, never a state with
 * itself by default; "Antagen version mot utkastet" in one click unless `quick` is false.
 */
export function CompareVersions(props: { documentId: string; versions: Version[]; currency: string; revision?: Accessor<number>; quick?: boolean }) {
  const compare = useFocusedCompare(() => memberSource(props.documentId), props.revision);
  const defaultFrom = () => latestAdopted(props.versions)?.id ?? props.versions[0]?.id ?? 'live';
  const [from, setFrom] = createSignal<string | null>(null);
  const [to, setTo] = createSignal('live');
  // Every option says when (and by whom) beside the name: same-named versions differ (U14 item 5).
  const options = () => {
    const whenOf = versionWhen(props.versions);
    const name = (v: Version) => (v.decision ? t('versions_stateAdopted', { name: v.name, reference: v.decision.reference }) : t('versions_stateNamed', { name: v.name }));
    return [...props.versions.map((v) => ({ value: v.id, label: withWhen(name(v), v, whenOf) })), { value: 'live', label: t('versions_live') }];
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    void compare.ask(from() ?? defaultFrom(), to());
  };
  return (
    <div class="compare">
      <Show when={props.quick !== false && latestAdopted(props.versions)}>
        <p>
          <button type="button" data-compare="adopted" onClick={() => void compare.ask('adopted', 'live')}>
            {t('versions_adoptedVsLive')}
          </button>
        </p>
      </Show>
      <form class="inline" onSubmit={submit}>
        <label>
          {t('versions_from')}
          <select ref={(el) => keepSelectValue(el, () => from() ?? defaultFrom())} onChange={(e) => setFrom(e.currentTarget.value)}>
            <For each={options()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
          </select>
        </label>
        <label>
          {t('versions_to')}
          <select ref={(el) => keepSelectValue(el, to)} onChange={(e) => setTo(e.currentTarget.value)}>
            <For each={options()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
          </select>
        </label>
        <button type="submit" class="secondary">
          {t('versions_compare')}
        </button>
      </form>
      <ErrorText message={compare.error()} />
      <Show when={compare.shown()}>{(s) => <CompareResultView shown={s()} versions={props.versions} currency={props.currency} ref={compare.setHeading} />}</Show>
    </div>
  );
}
