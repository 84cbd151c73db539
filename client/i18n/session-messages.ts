/**
 * Text about the connection and the session ending (issues 15, 16): why the document is
 * read-only, why the connection closed, and where to go next. Merged into messages.ts.
 */
export const sessionSv = {
  status_signedOut: 'Du har loggats ut',
  status_forbidden: 'Ingen behörighet',
  status_notFound: 'Dokumentet finns inte',
  status_refused: 'Servern avvisade en ändring, ansluter igen …',
  status_refusedStopped: 'Servern avvisade en ändring',
  status_overloaded: 'Anslutningen var överbelastad, ansluter igen …',
  signedOutNotice: 'Du har loggats ut. Det du skriver nu sparas bara i den här webbläsaren tills du loggar in igen.',
  signInAgain: 'Logga in igen',
  roleLowered: 'Din roll har ändrats till läsare. Ändringar som inte hann sparas togs inte emot.',
  noLongerMember: 'Du har inte längre tillgång till det här dokumentet.',
  documentGone: 'Dokumentet finns inte, eller har tagits bort.',
  accessRefused: 'Servern nekade åtkomst till dokumentet.',
  toWorkspaces: 'Till arbetsytorna',
  checkingAccess: 'Kontrollerar din behörighet …',
  refusedNotice: 'Servern avvisade en ändring från den här webbläsaren. Du kan hämta serverns version; det som inte sparats där försvinner.',
  useServerVersion: 'Hämta serverns version',
  readOnlyDocument: 'Dokumentet är skrivskyddat',
  'readOnly_document.schema-too-new': 'Dokumentet är sparat med en nyare version av Samplan. Det kan läsas men inte ändras förrän servern uppdateras.',
  'readOnly_document.cannot-migrate': 'Dokumentets lagrade innehåll kan inte uppdateras till den här versionen av Samplan. Det kan läsas men inte ändras; kontakta administratören.',
} as const;

type SessionMessages = Record<keyof typeof sessionSv, string>;

export const sessionNb: SessionMessages = {
  status_signedOut: 'Du er logget ut',
  status_forbidden: 'Ingen tilgang',
  status_notFound: 'Dokumentet finnes ikke',
  status_refused: 'Serveren avviste en endring, kobler til igjen …',
  status_refusedStopped: 'Serveren avviste en endring',
  status_overloaded: 'Tilkoblingen var overbelastet, kobler til igjen …',
  signedOutNotice: 'Du er logget ut. Det du skriver nå, lagres bare i denne nettleseren til du logger inn igjen.',
  signInAgain: 'Logg inn igjen',
  roleLowered: 'Rollen din er endret til leser. Endringer som ikke rakk å bli lagret, ble ikke tatt imot.',
  noLongerMember: 'Du har ikke lenger tilgang til dette dokumentet.',
  documentGone: 'Dokumentet finnes ikke, eller er slettet.',
  accessRefused: 'Serveren nektet tilgang til dokumentet.',
  toWorkspaces: 'Til arbeidsområdene',
  checkingAccess: 'Kontrollerer tilgangen din …',
  refusedNotice: 'Serveren avviste en endring fra denne nettleseren. Du kan hente serverens versjon; det som ikke er lagret der, forsvinner.',
  useServerVersion: 'Hent serverens versjon',
  readOnlyDocument: 'Dokumentet er skrivebeskyttet',
  'readOnly_document.schema-too-new': 'Dokumentet er lagret med en nyere versjon av Samplan. Det kan leses, men ikke endres før serveren er oppdatert.',
  'readOnly_document.cannot-migrate': 'Dokumentets lagrede innhold kan ikke oppdateres til denne versjonen av Samplan. Det kan leses, men ikke endres; kontakt administratoren.',
};

export const sessionEn: SessionMessages = {
  status_signedOut: 'You have been signed out',
  status_forbidden: 'No access',
  status_notFound: 'The document does not exist',
  status_refused: 'The server refused a change, reconnecting …',
  status_refusedStopped: 'The server refused a change',
  status_overloaded: 'The connection was overloaded, reconnecting …',
  signedOutNotice: 'You have been signed out. What you type now is kept only in this browser until you sign in again.',
  signInAgain: 'Sign in again',
  roleLowered: 'Your role has been changed to viewer. Changes that had not been saved yet were not accepted.',
  noLongerMember: 'You no longer have access to this document.',
  documentGone: 'The document does not exist, or has been deleted.',
  accessRefused: 'The server refused access to the document.',
  toWorkspaces: 'To the workspaces',
  checkingAccess: 'Checking your access …',
  refusedNotice: 'The server refused a change from this browser. You can fetch the server’s version; what is not saved there is lost.',
  useServerVersion: 'Fetch the server’s version',
  readOnlyDocument: 'The document is read-only',
  'readOnly_document.schema-too-new': 'The document was saved by a newer version of Samplan. It can be read but not changed until the server is updated.',
  'readOnly_document.cannot-migrate': 'The document’s stored content cannot be brought to this version of Samplan. It can be read but not changed; contact the administrator.',
};
