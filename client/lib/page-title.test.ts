import { describe, expect, it } from 'vitest';
import { firstClause, pageTitle } from './page-title.js';

describe('page titles', () => {
  it.each([
    ['Handlingsplan 2027', 'Handlingsplan 2027 – Samplan'],
    ['Sidan finns inte.', 'Sidan finns inte – Samplan'],
    ['  Siden finnes ikke.  ', 'Siden finnes ikke – Samplan'],
    ['Vad nu!', 'Vad nu – Samplan'],
    ['Plan v. 2.0', 'Plan v. 2.0 – Samplan'],
    ['', 'Samplan'],
    ['  .  ', 'Samplan'],
  ])('%j → %j', (text, title) => {
    expect(pageTitle(text, 'Samplan')).toBe(title);
  });

  it.each([
    ['Dokumentet finns inte, eller så är du inte medlem i dess arbetsyta.', 'Dokumentet finns inte'],
    ['Servern kunde inte nås. Kontrollera anslutningen och försök igen.', 'Servern kunde inte nås'],
    ['Du har loggats ut.', 'Du har loggats ut.'],
    ['The document does not exist, or you are not a member of its workspace.', 'The document does not exist'],
    ['Plan 2.0 finns inte', 'Plan 2.0 finns inte'],
  ])('first clause of %j', (message, clause) => {
    expect(firstClause(message)).toBe(clause);
  });
});
