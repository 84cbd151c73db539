/**
 * The body of a Word export written as WordprocessingML text, byte for byte what the `docx`
 * library writes for the same `paragraphs`, `heading`, `title` and `table` of docx-parts.ts
 * (held equal by tests/unit/docx-xml.test.ts), for the exports that can be large. docx
 * builds an object tree per cell, paragraph and run, then a second tree to serialize: a
 * 20 000-row plan took 1.6 GB and over 60 s (the export thread's caps, 503 export.timeout).
 * Here each row is one string. The package around it (styles, properties, the zip) is
 * still docx's: `packDocxXml` hands it this body as `word/document.xml`.
 */
import { Document, Packer } from 'docx';
import { exportText } from '../../shared/strings.js';
import { docxStyles, type CellContent } from './docx-parts.js';
import type { Locale } from '../../shared/locale.js';

/** What docx escapes in text and attribute values (the ones exportText leaves are dropped, as docx does). */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// The control characters XML 1.0 cannot hold are dropped, as docx drops them.
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const escapeXml = (text: string): string => text.replace(ESCAPED, (char) => ESCAPES[char] ?? '');

/** docx's text width of an A4 portrait page with 1-inch margins, in twips: what 100 % of a table is. */
const TEXT_WIDTH_TWIPS = 11_906 - 1_440 - 1_440;
const DOCUMENT_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document mc:Ignorable="w14 w15 wp14" xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:cx="http://schemas.microsoft.com/office/drawing/2014/chartex" xmlns:cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex" xmlns:cx2="http://schemas.microsoft.com/office/drawing/2015/10/21/chartex" xmlns:cx3="http://schemas.microsoft.com/office/drawing/2016/5/9/chartex" xmlns:cx4="http://schemas.microsoft.com/office/drawing/2016/5/10/chartex" xmlns:cx5="http://schemas.microsoft.com/office/drawing/2016/5/11/chartex" xmlns:cx6="http://schemas.microsoft.com/office/drawing/2016/5/12/chartex" xmlns:cx7="http://schemas.microsoft.com/office/drawing/2016/5/13/chartex" xmlns:cx8="http://schemas.microsoft.com/office/drawing/2016/5/14/chartex" xmlns:aink="http://schemas.microsoft.com/office/drawing/2016/ink" xmlns:am3d="http://schemas.microsoft.com/office/drawing/2017/model3d" xmlns:w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex" xmlns:w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid" xmlns:w16="http://schemas.microsoft.com/office/word/2018/wordml" xmlns:w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash" xmlns:w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"><w:body>';
const DOCUMENT_END =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/><w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr></w:body></w:document>';
const BORDER = 'w:val="single" w:color="auto" w:sz="4"';
const TABLE_PROPERTIES = `<w:tblPr><w:tblW w:type="pct" w:w="5000"/><w:tblBorders><w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/><w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders></w:tblPr>`;
const BOLD = `<w:rPr>${onOff('b', true)}</w:rPr>`;
const NOT_BOLD = `<w:rPr>${onOff('b', false)}</w:rPr>`;

function run(text: string, properties: string): string {
  return `<w:r>${properties}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

/** A run property given as true or false (`<w:b/><w:bCs/>`, `<w:b w:val="false"/>…`); none when not given. */
function onOff(name: 'b' | 'i', on: boolean | undefined): string {
  if (on === undefined) return '';
  const value = on ? '' : ' w:val="false"';
  return `<w:${name}${value}/><w:${name}Cs${value}/>`;
}

/** docx-parts.ts `paragraphs`: one paragraph per line of `text`, none for a blank text. */
export function paragraphsXml(text: string, options: { bold?: boolean; italics?: boolean } = {}): string {
  if (text.trim() === '') return '';
  const properties = onOff('b', options.bold) + onOff('i', options.italics);
  const runProperties = properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`;
  return exportText(text)
    .split('\n')
    .map((line) => `<w:p>${run(line, runProperties)}</w:p>`)
    .join('');
}

/** docx-parts.ts `heading` (`level` 1–3) and `title`: one line in Word's own style. */
export function headingXml(text: string, level: 1 | 2 | 3 | 'title'): string {
  const style = level === 'title' ? 'Title' : `Heading${level}`;
  const line = exportText(text, { multiLine: false });
  // docx writes no run for a paragraph of empty text.
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>${line === '' ? '' : run(line, '')}</w:p>`;
}

function cellXml(content: CellContent, widthPct: number, header: boolean): string {
  const raw = typeof content === 'string' ? { bold: '', text: content } : content;
  const bold = exportText(raw.bold);
  const pPr = `<w:pPr><w:jc w:val="${raw.alignRight ? 'right' : 'left'}"/></w:pPr>`;
  let lines = bold === '' ? '' : `<w:p>${pPr}${run(bold, BOLD)}</w:p>`;
  for (const line of exportText(raw.text ?? '').split('\n')) {
    if (line !== '' || lines === '') lines += `<w:p>${pPr}${run(line, header ? BOLD : NOT_BOLD)}</w:p>`;
  }
  const shading = header ? '<w:shd w:fill="E8EEF4" w:val="clear"/>' : '';
  return `<w:tc><w:tcPr><w:tcW w:type="pct" w:w="${widthPct * 50}"/>${shading}</w:tcPr>${lines}</w:tc>`;
}

/** docx-parts.ts `table`: full width, `widths` in percent per column, the header row repeated on every page. */
export function tableXml(header: string[], rows: CellContent[][], widths: number[]): string {
  const width = (i: number) => widths[i] ?? 10;
  const grid = header.map((_, i) => `<w:gridCol w:w="${Math.round((width(i) / 100) * TEXT_WIDTH_TWIPS)}"/>`).join('');
  const parts = [`<w:tbl>${TABLE_PROPERTIES}<w:tblGrid>${grid}</w:tblGrid>`];
  parts.push(`<w:tr><w:trPr><w:tblHeader/></w:trPr>${header.map((text, i) => cellXml(text, width(i), true)).join('')}</w:tr>`);
  for (const row of rows) parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.map((content, i) => cellXml(content, width(i), false)).join('')}</w:tr>`);
  parts.push('</w:tbl>');
  return parts.join('');
}

/** The .docx bytes of a document whose body is `body` (parts above, in order), titled `name` in its properties, in `locale`'s language. */
export async function packDocxXml(name: string, body: string[], locale: Locale): Promise<Uint8Array> {
  const document = new Document({ title: exportText(name, { multiLine: false }), creator: 'Samplan', styles: docxStyles(locale), sections: [{ children: [] }] });
  const xml = DOCUMENT_START + body.join('') + DOCUMENT_END;
  return new Uint8Array(await Packer.toBuffer(document, false, [{ path: 'word/document.xml', data: xml }]));
}
