/** The invitation mail's text, in Swedish (the app's first language), built apart from sending so it can be read in tests. */
import type { Role } from '../../shared/roles.js';

const ROLE_NAMES: Record<Role, string> = { coordinator: 'samordnare', editor: 'redaktör', viewer: 'läsare' };

export interface InvitationMailInput {
  /** The absolute `/invite/:token` link: the only place the token travels. */
  url: string;
  workspaceName: string;
  inviterName: string;
  role: Role;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Names typed by people end up in a header: no line breaks or control characters there. */
const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * Subject and plain-text body of the mail that carries an invitation link.
 * The body says what the link grants and that whoever holds it can use it, so people do
 * not forward it; the date is the last day in Swedish time.
 */
export function invitationMail(input: InvitationMailInput): { subject: string; text: string } {
  const workspace = oneLine(input.workspaceName);
  const lastDay = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(input.expiresAt);
  const text = [
    'Hej!',
    '',
    `${oneLine(input.inviterName)} har bjudit in dig till arbetsytan ”${workspace}” i Samplan, som ${ROLE_NAMES[input.role]}.`,
    '',
    'Öppna länken, logga in eller skapa ett konto, och tryck på ”Acceptera inbjudan”:',
    input.url,
    '',
    `Länken gäller till och med ${lastDay} och kan bara användas en gång.`,
    'Skicka den inte vidare: den som har länken kan gå med i arbetsytan.',
    '',
    'Väntade du dig inte inbjudan kan du bortse från det här meddelandet.',
    '',
  ].join('\n');
  return { subject: `Inbjudan till ${workspace} i Samplan`, text };
}
