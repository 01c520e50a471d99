import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface TestPdf {
  title?: string;
  author?: string;
  /** A large first line on page 1 (the title when the document's info has none). */
  heading?: string;
  /** Printed at the top of every page. */
  runningHead?: string;
  /** Each paragraph as the lines it is set in; they flow onto the next page after `linesPerPage`. */
  paragraphs: string[][];
  linesPerPage: number;
  /** Paragraph style: an indented first line (default), or a blank line between paragraphs. */
  style?: 'indent' | 'gap';
  /** The page number's wording, e.g. (n, count) => `Page ${n} of ${count}`. Default: the number alone. */
  pageLabel?: (page: number, pages: number) => string;
}

/**
 * A PDF with known text, set like a printed report: Helvetica 11 pt on 14 pt leading, paragraphs
 * marked by an indent or a blank line, a running head and a page number on every page.
 */
export async function makePdf(spec: TestPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (spec.title) pdf.setTitle(spec.title);
  if (spec.author) pdf.setAuthor(spec.author);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const lines = spec.paragraphs.flatMap((paragraph) => paragraph.map((text, i) => ({ text, first: i === 0 })));
  const gap = spec.style === 'gap';
  const pageCount = Math.ceil(lines.length / spec.linesPerPage);
  let page = pdf.addPage([612, 792]);
  let y = 0;
  let onPage = 0;
  const startPage = () => {
    const number = pdf.getPageCount();
    if (spec.runningHead) page.drawText(spec.runningHead, { x: 72, y: 750, size: 9, font });
    page.drawText(spec.pageLabel?.(number, pageCount) ?? String(number), { x: 290, y: 40, size: 9, font });
    y = 700;
    onPage = 0;
  };
  startPage();
  if (spec.heading) {
    page.drawText(spec.heading, { x: 72, y, size: 20, font: bold });
    y -= 36;
  }
  for (const line of lines) {
    if (onPage === spec.linesPerPage) {
      page = pdf.addPage([612, 792]);
      startPage();
    }
    if (gap && line.first && onPage > 0) y -= 14;
    page.drawText(line.text, { x: line.first && !gap ? 90 : 72, y, size: 11, font });
    y -= 14;
    onPage++;
  }
  return pdf.save();
}
