import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { ImportReport } from '../../shared/table/import.js';
import { formatFieldAmount } from '../../shared/money.js';
import { api, type DocumentSummary } from '../api.js';
import { locale, t } from '../i18n/index.js';
import { ErrorText, messageOf } from './ErrorText.jsx';

/**
 * Import a plan table by file or paste, then show the report: stated totals checked, rows
 * skipped. A successful import empties the form (title, file, pasted table), so the same
 * file is not imported twice by a second click; a failed one keeps it for fixing (issue 17).
 */
export function ImportForm(props: { workspaceId: string; onImported: () => void }) {
  const [error, setError] = createSignal<string | null>(null);
  const [result, setResult] = createSignal<(DocumentSummary & { report: ImportReport }) | null>(null);
  const [busy, setBusy] = createSignal(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    // Kept before the first await: the event's currentTarget is gone after it.
    const element = event.currentTarget as HTMLFormElement;
    const form = new FormData(element);
    const file = form.get('file');
    const pasted = String(form.get('table') ?? '');
    const hasFile = file instanceof File && file.size > 0;
    // A file goes as its bytes, not `file.text()` (which reads UTF-8 and turns Swedish
    // Excel's Windows-1252 into �): the server detects or reads the encoding. Pasted text is UTF-8.
    const table = hasFile ? file : pasted;
    const type = hasFile ? (/\.csv$/i.test(file.name) ? 'text/csv' : 'text/tab-separated-values') : 'text/tab-separated-values; charset=utf-8';
    setBusy(true);
    setError(null);
    try {
      setResult(await api.importPlan(props.workspaceId, table, type, String(form.get('title') ?? '').trim() || undefined));
      element.reset();
      // The button is disabled while busy, which sent focus to <body>: the report is what happened (u13 item 3).
      document.getElementById('report-heading')?.focus();
      props.onImported();
    } catch (e) {
      setError(messageOf(e, t('errorGeneric')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="import-heading">
      <h2 id="import-heading">{t('importPlan')}</h2>
      <p id="import-help">{t('importHelp')}</p>
      <form class="stack" onSubmit={(e) => void submit(e)} aria-describedby="import-help">
        <label>
          {t('title')}
          <input name="title" maxlength="200" />
        </label>
        <label>
          {t('file')}
          <input name="file" type="file" accept=".tsv,.csv,.txt,text/csv,text/tab-separated-values,text/plain" />
        </label>
        <label>
          {t('pasteTable')}
          <textarea name="table" rows="4" />
        </label>
        <ErrorText message={error()} />
        <button type="submit" disabled={busy()}>
          {t('importButton')}
        </button>
      </form>
      <Show when={result()}>{(done) => <ImportReportView result={done()} />}</Show>
    </section>
  );
}

function ImportReportView(props: { result: DocumentSummary & { report: ImportReport } }) {
  return (
    <div class="report" role="status" aria-labelledby="report-heading">
      <h3 id="report-heading" tabIndex={-1}>
        {t('importReport')}: <A href={`/d/${props.result.id}`}>{props.result.title}</A>
      </h3>
      <Show when={props.result.report.statedTotals.length > 0}>
        <StatedTotals totals={props.result.report.statedTotals} />
      </Show>
      <Show when={(props.result.report.warnings ?? []).length > 0}>
        <h4>{t('importWarnings')}</h4>
        <ReportRows rows={props.result.report.warnings ?? []} />
      </Show>
      {/* No heading over nothing: "Rader som inte kunde läsas" above "Alla rader kunde läsas." read as a contradiction. */}
      <Show when={props.result.report.skipped.length > 0} fallback={<p>{t('noSkipped')}</p>}>
        <h4>{t('skippedRows')}</h4>
        <ReportRows rows={props.result.report.skipped} />
      </Show>
      {/* After reading the report, the way on is the plan itself (as an imported sheet opens in a spreadsheet). */}
      <p>
        <A href={`/d/${props.result.id}`} class="open-imported">
          {t('importOpenPlan')}
        </A>
      </p>
    </div>
  );
}

/** The totals the table stated, each beside the computed one (numbers as every amount in this language is written, issue 17). */
function StatedTotals(props: { totals: ImportReport['statedTotals'] }) {
  return (
    <table>
      <caption>{t('statedTotal')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('label')}</th>
          <th scope="col">{t('stated')}</th>
          <th scope="col">{t('computed')}</th>
          <th scope="col">{t('status')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.totals}>
          {(total) => (
            <tr classList={{ mismatch: !total.ok }}>
              <th scope="row">{total.label}</th>
              <td class="num">{formatFieldAmount(total.stated, locale())}</td>
              <td class="num">{total.computed === null ? '–' : formatFieldAmount(total.computed, locale())}</td>
              <td>{total.ok ? `✓ ${t('totalOk')}` : `✗ ${t('totalMismatch')}`}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

/** Rows of the table, each with its line, what happened and its text. */
function ReportRows(props: { rows: ImportReport['skipped'] }) {
  return (
    <ul>
      <For each={props.rows}>
        {(row) => (
          <li>
            {t('line')} {row.line}: {row.reason} <code>{row.text}</code>
          </li>
        )}
      </For>
    </ul>
  );
}
