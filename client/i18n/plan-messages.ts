/**
 * Text for the plan's timeline and rows (issue 17 items 8 and 9): the axis, groups, invalid
 * and missing dates, and "Numrera om". Merged into messages.ts.
 */
export const planSv = {
  timelineEmpty: 'Inga aktiviteter har datum ännu – ange start och slut för att se tidslinjen.',
  timelineCaption: 'Aktiviteter per mål, {from} – {to}, i {unit}',
  timelineUnit_month: 'månader',
  timelineUnit_quarter: 'kvartal',
  timelinePeriod: 'Tidsperiod',
  timelineTodayIs: 'Idag är det {date}.',
  timelineInvalid: 'Ogiltiga datum',
  timelineInvalidDates: 'slutar {end}, före starten {start}',
  timelineUndated: 'Utan datum ({count})',
  renumber: 'Numrera om',
  renumberOffer: 'Numren följer inte målens och aktiviteternas ordning ({count} nummer ändras).',
  renumberDone: '{count} nummer ändrades. Ångra med Ctrl+Z.',
  renumberOfferHere: 'Numreringen är inte i ordning.',
} as const;

type PlanMessages = Record<keyof typeof planSv, string>;

export const planNb: PlanMessages = {
  timelineEmpty: 'Ingen tiltak har datoer ennå – angi start og slutt for å se tidslinjen.',
  timelineCaption: 'Tiltak per mål, {from} – {to}, i {unit}',
  timelineUnit_month: 'måneder',
  timelineUnit_quarter: 'kvartaler',
  timelinePeriod: 'Tidsrom',
  timelineTodayIs: 'I dag er det {date}.',
  timelineInvalid: 'Ugyldige datoer',
  timelineInvalidDates: 'slutter {end}, før starten {start}',
  timelineUndated: 'Uten dato ({count})',
  renumber: 'Nummerer på nytt',
  renumberOffer: 'Numrene følger ikke rekkefølgen på mål og tiltak ({count} numre endres).',
  renumberDone: '{count} numre ble endret. Angre med Ctrl+Z.',
  renumberOfferHere: 'Nummereringen er ikke i rekkefølge.',
};

export const planEn: PlanMessages = {
  timelineEmpty: 'No activities have dates yet – set a start and an end to see the timeline.',
  timelineCaption: 'Activities by goal, {from} – {to}, in {unit}',
  timelineUnit_month: 'months',
  timelineUnit_quarter: 'quarters',
  timelinePeriod: 'Time span',
  timelineTodayIs: 'Today is {date}.',
  timelineInvalid: 'Invalid dates',
  timelineInvalidDates: 'ends {end}, before its start {start}',
  timelineUndated: 'Without dates ({count})',
  renumber: 'Renumber',
  renumberOffer: 'The numbers do not follow the order of goals and activities ({count} numbers change).',
  renumberDone: '{count} numbers changed. Undo with Ctrl+Z.',
  renumberOfferHere: 'The numbering is out of order.',
};
