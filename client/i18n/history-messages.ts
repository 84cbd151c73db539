/**
 * Text for the per-field history (issue 20 item 1): the "Historik" popover on each item
 * and the document's activity log. `{field}`, `{name}`, `{time}` are already formatted.
 * Merged into messages.ts.
 */
export const historySv = {
  history_button: 'Historik',
  history_buttonFor: 'Historik för {label}',
  history_heading: 'Historik: {label}',
  history_close: 'Stäng historiken',
  history_none: 'Inga ändringar sparade än.',
  history_noMatch: 'Inga ändringar matchar filtret.',
  history_changed: '{field} ändrad av {name} {time}',
  history_added: 'Tillagd av {name} {time}',
  history_removed: 'Borttagen av {name} {time}',
  history_moved: 'Flyttad av {name} {time}',
  history_server: 'Samplan (automatiskt)',
  history_log: 'Ändringslogg',
  history_person: 'Vem',
  history_field: 'Fält',
  history_from: 'Från',
  history_to: 'Till',
  history_all: 'Alla',
  history_show: 'Visa',
} as const;

type HistoryMessages = Record<keyof typeof historySv, string>;

export const historyNb: HistoryMessages = {
  history_button: 'Historikk',
  history_buttonFor: 'Historikk for {label}',
  history_heading: 'Historikk: {label}',
  history_close: 'Lukk historikken',
  history_none: 'Ingen endringer lagret ennå.',
  history_noMatch: 'Ingen endringer passer til filteret.',
  history_changed: '{field} endret av {name} {time}',
  history_added: 'Lagt til av {name} {time}',
  history_removed: 'Fjernet av {name} {time}',
  history_moved: 'Flyttet av {name} {time}',
  history_server: 'Samplan (automatisk)',
  history_log: 'Endringslogg',
  history_person: 'Hvem',
  history_field: 'Felt',
  history_from: 'Fra',
  history_to: 'Til',
  history_all: 'Alle',
  history_show: 'Vis',
};

export const historyEn: HistoryMessages = {
  history_button: 'History',
  history_buttonFor: 'History of {label}',
  history_heading: 'History: {label}',
  history_close: 'Close the history',
  history_none: 'No changes recorded yet.',
  history_noMatch: 'No changes match the filter.',
  history_changed: '{field} changed by {name} {time}',
  history_added: 'Added by {name} {time}',
  history_removed: 'Removed by {name} {time}',
  history_moved: 'Moved by {name} {time}',
  history_server: 'Samplan (automatic)',
  history_log: 'Change log',
  history_person: 'Who',
  history_field: 'Field',
  history_from: 'From',
  history_to: 'To',
  history_all: 'All',
  history_show: 'Show',
};
