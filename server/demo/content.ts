/** The demo strategy and agenda a fresh data dir starts with (the plan comes from a sample table). */
import type { AgendaInit } from '../../shared/model/agenda.js';
import type { StrategyInit } from '../../shared/model/strategy.js';

export const DEMO_STRATEGY: StrategyInit = {
  title: 'Energi- och klimatstrategi 2030',
  adopted: '2026-06-15',
  periodStart: '2026-01-01',
  periodEnd: '2030-12-31',
  vision: 'Småland är en fossilfri region där kommunerna går före och gör det lätt att leva klimatsmart.',
  focusAreas: [
    {
      title: 'Energieffektiva lokaler',
      description: 'Kommunernas egna lokaler ska använda mindre energi.',
      goals: [
        {
          number: '1',
          title: 'Minska energianvändningen i kommunala lokaler med 30 %',
          description: 'Jämfört med 2020, räknat per kvadratmeter.',
          objectives: ['se-01', 'se-15'],
          links: [],
          indicators: [
            {
              name: 'Energianvändning i kommunala lokaler',
              unit: 'kWh/m²',
              direction: 'decrease',
              baselineYear: 2020,
              baselineValue: 160,
              targetYear: 2030,
              targetValue: 112,
              measurements: [
                { year: 2022, value: 152, source: 'Energistatistik, kommunerna' },
                { year: 2024, value: 139, source: 'Energistatistik, kommunerna' },
              ],
            },
          ],
        },
      ],
    },
    {
      title: 'Fossilfria transporter',
      description: 'Fordon och tjänsteresor utan fossila bränslen.',
      goals: [
        {
          number: '2',
          title: 'Fossilfri kommunal fordonsflotta 2030',
          description: '',
          objectives: ['se-01', 'se-02'],
          links: [],
          indicators: [
            {
              name: 'Andel fossilfria fordon',
              unit: '%',
              direction: 'increase',
              baselineYear: 2020,
              baselineValue: 35,
              targetYear: 2030,
              targetValue: 100,
              measurements: [
                { year: 2023, value: 52, source: 'Miljöfordon Sverige' },
                { year: 2025, value: 70, source: 'Miljöfordon Sverige' },
              ],
            },
          ],
        },
      ],
    },
  ],
};

export const DEMO_AGENDA: AgendaInit = {
  title: 'Nätverksträffar 2027',
  network: 'Klimatnätverket Småland',
  registrationDeadline: '2027-02-26',
  participants: [
    { organisation: 'Växjö kommun', name: 'Anna Samordnare', email: 'anna@demo.samplan.se', role: 'contact' },
    { organisation: 'Ljungby kommun', name: 'Erik Redaktör', email: 'erik@demo.samplan.se', role: 'official' },
    { organisation: 'Alvesta kommun', name: 'Lena Politiker', email: 'lena@demo.samplan.se', role: 'politician' },
    { organisation: 'Länsstyrelsen i Kronobergs län', name: 'Maria Länsstyrelsen', email: 'maria@example.se', role: 'official' },
  ],
  meetings: [
    {
      title: 'Nätverksträff 1: Uppstart',
      date: '2027-03-11',
      start: '09:00',
      end: '12:00',
      location: 'Växjö, Kommunhuset',
      link: '',
      items: [
        { title: 'Välkommen och presentationsrunda', presenter: 'Anna Samordnare', minutes: 20 },
        {
          title: 'Handlingsplanen 2027–2028',
          presenter: 'Anna Samordnare',
          minutes: 60,
          decisions: [{ text: 'Handlingsplanen skickas på remiss till kommunerna.' }],
          actions: [{ text: 'Samla in synpunkter från kommunerna', owner: 'Erik Redaktör', due: '2027-04-01', done: false }],
        },
        { title: 'Energikartläggning: upphandlingen', presenter: 'Fastighetsnätverket', minutes: 45 },
        { title: 'Nästa steg', presenter: 'Anna Samordnare', minutes: 15 },
      ],
    },
    {
      title: 'Nätverksträff 2: Laddinfrastruktur',
      date: '2027-05-20',
      start: '13:00',
      end: '16:00',
      location: 'Digitalt',
      link: 'https://möte.example.se/klimatnatverket',
      items: [{ title: 'Gemensam laddplan: lägesrapport', presenter: 'Region Småland', minutes: 60 }],
    },
  ],
  milestones: [
    { title: 'Handlingsplanen antagen', date: '2027-06-30', done: false },
    { title: 'Slutkonferens', date: '2028-11-15', done: false },
  ],
};
