/** Labels of the file downloads in the document menu and on each gathering (issue 20 item 3). Merged into messages.ts. */
export const exportSv = {
  export_xlsx: 'Excel (.xlsx)',
  export_csv: 'CSV för Excel',
  export_docx: 'Word (.docx)',
  export_ics: 'Kalender (.ics)',
  export_minutes: 'Minnesanteckningar (.docx)',
  export_needsServer: 'Export kräver anslutning till servern.',
};

export const exportNb: typeof exportSv = {
  export_xlsx: 'Excel (.xlsx)',
  export_csv: 'CSV for Excel',
  export_docx: 'Word (.docx)',
  export_ics: 'Kalender (.ics)',
  export_minutes: 'Referat (.docx)',
  export_needsServer: 'Eksport krever tilkobling til serveren.',
};

export const exportEn: typeof exportSv = {
  export_xlsx: 'Excel (.xlsx)',
  export_csv: 'CSV for Excel',
  export_docx: 'Word (.docx)',
  export_ics: 'Calendar (.ics)',
  export_minutes: 'Minutes (.docx)',
  export_needsServer: 'Exporting needs a connection to the server.',
};
