/**
 * PDF text layout -> blocks in reading order. Positioned text runs of each page become lines;
 * a page with an empty vertical gutter is read column by column (full-width lines such as a
 * title split it into bands); lines become paragraphs at larger gaps or after a short line that
 * ends a sentence; lines in a larger font than the body (or short all-bold lines) become
 * headings; page numbers and running headers and footers are dropped; hyphenated line ends are
 * joined. Pure: no PDF library here, so it is tested on plain data.
 */

/** A run of text on a page (PDF user space: y grows upwards). */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
}

export interface LayoutPage {
  width: number;
  height: number;
  runs: TextRun[];
}

export interface LayoutBlock {
  kind: 'heading' | 'paragraph';
  /** 1–3 for headings. */
  level: number;
  text: string;
  /** Index of the page the block starts on. */
  page: number;
}

interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  bold: boolean;
  column: 'full' | 'left' | 'right';
}

const SENTENCE_END = /[.!?:;"”’)]$/;

/** Join the runs of one line left to right, adding a space where the gap between runs shows one. */
function joinRuns(runs: TextRun[]): string {
  let out = '';
  let end = -Infinity;
  for (const r of [...runs].sort((a, b) => a.x - b.x)) {
    const gap = r.x - end;
    if (out && gap > r.size * 0.15 && !/\s$/.test(out) && !/^\s/.test(r.text)) out += ' ';
    out += r.text;
    end = Math.max(end, r.x + r.width);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The x of an empty vertical gutter between two columns, or null for a one-column page. */
export function findGutter(page: LayoutPage): number | null {
  const runs = page.runs.filter((r) => r.text.trim());
  if (runs.length < 6) return null;
  let best: { x: number; crossing: number } | null = null;
  for (let x = page.width * 0.3; x <= page.width * 0.7; x += 2) {
    let crossing = 0;
    let left = 0;
    let right = 0;
    for (const r of runs) {
      if (r.x + r.width <= x - 1) left++;
      else if (r.x >= x + 1) right++;
      else crossing++;
    }
    if (left >= 3 && right >= 3 && (!best || crossing < best.crossing)) best = { x, crossing };
  }
  return best && best.crossing <= runs.length * 0.15 ? best.x : null;
}

/** The lines of a page, grouped by baseline within each column. */
function linesOf(page: LayoutPage, gutter: number | null): Line[] {
  const columnOf = (r: TextRun): Line['column'] =>
    gutter === null ? 'full' : r.x + r.width <= gutter + 1 ? 'left' : r.x >= gutter - 1 ? 'right' : 'full';
  const groups: { column: Line['column']; y: number; size: number; runs: TextRun[] }[] = [];
  for (const r of [...page.runs].filter((r) => r.text.length).sort((a, b) => b.y - a.y || a.x - b.x)) {
    const column = columnOf(r);
    const g = groups.find((l) => l.column === column && Math.abs(l.y - r.y) <= Math.max(l.size, r.size) * 0.4);
    if (g) {
      g.runs.push(r);
      g.size = Math.max(g.size, r.size);
    } else groups.push({ column, y: r.y, size: r.size, runs: [r] });
  }
  return groups
    .map((g) => {
      const visible = g.runs.filter((r) => r.text.trim());
      return {
        text: joinRuns(g.runs),
        x0: Math.min(...g.runs.map((r) => r.x)),
        x1: Math.max(...g.runs.map((r) => r.x + r.width)),
        y: g.y,
        size: Math.max(...visible.map((r) => r.size), 0),
        bold: visible.length > 0 && visible.every((r) => r.bold),
        column: g.column,
      };
    })
    .filter((l) => l.text);
}

/** Reading order: full-width lines split the page into bands; each band is read left column, then right. */
function readingOrder(lines: Line[]): Line[] {
  const byY = [...lines].sort((a, b) => b.y - a.y);
  const out: Line[] = [];
  let band: Line[] = [];
  const flush = () => {
    out.push(...band.filter((l) => l.column === 'left'), ...band.filter((l) => l.column === 'right'));
    band = [];
  };
  for (const line of byY) {
    if (line.column === 'full') {
      flush();
      out.push(line);
    } else band.push(line);
  }
  flush();
  return out;
}

const PAGE_NUMBER = /^(page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?$/i;

/** Lines at the top or bottom edge of a page that are page numbers or repeat on many pages (running heads). */
function isFurniture(line: Line, page: LayoutPage, repeated: Set<string>): boolean {
  const edge = line.y > page.height * 0.92 || line.y < page.height * 0.08;
  if (!edge) return false;
  return PAGE_NUMBER.test(line.text) || repeated.has(furnitureKey(line.text));
}

function furnitureKey(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

/** The most common size, weighted by characters: the body text size. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  return [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

/** Append a line's text to a paragraph, joining a word hyphenated across the line break. */
function appendLine(text: string, line: string): string {
  if (/[a-z]-$/.test(text) && /^[a-z]/.test(line)) return text.slice(0, -1) + line;
  return `${text} ${line}`;
}

/** The blocks of a document, in reading order. */
export function layoutBlocks(pages: LayoutPage[]): LayoutBlock[] {
  const pageLines = pages.map((page) => readingOrder(linesOf(page, findGutter(page))));
  // Running heads and feet: the same edge text (numbers aside) on at least half of 3+ pages.
  const edgeCounts = new Map<string, number>();
  pageLines.forEach((lines, i) => {
    const keys = new Set(lines.filter((l) => l.y > pages[i].height * 0.92 || l.y < pages[i].height * 0.08).map((l) => furnitureKey(l.text)));
    for (const k of keys) edgeCounts.set(k, (edgeCounts.get(k) ?? 0) + 1);
  });
  const repeated = new Set(pages.length >= 3 ? [...edgeCounts].filter(([, n]) => n >= Math.max(3, pages.length / 2)).map(([k]) => k) : []);
  const content = pageLines.map((lines, i) => lines.filter((l) => !isFurniture(l, pages[i], repeated)));
  const body = bodySize(content.flat());
  const headingSizes = [...new Set(content.flat().filter((l) => l.size >= body * 1.15).map((l) => Math.round(l.size)))].sort((a, b) => b - a);
  const headingLevel = (l: Line): number => {
    if (l.size >= body * 1.15) return Math.min(3, headingSizes.indexOf(Math.round(l.size)) + 1);
    if (l.bold && l.text.length <= 100 && !SENTENCE_END.test(l.text) && l.size >= body * 0.95) return Math.min(3, headingSizes.length + 1);
    return 0;
  };

  const blocks: LayoutBlock[] = [];
  content.forEach((lines, pageIndex) => {
    let prev: Line | null = null;
    const gaps = lines.slice(1).map((l, i) => lines[i].y - l.y).filter((g) => g > 0 && g < body * 3);
    const spacing = gaps.sort((a, b) => a - b)[Math.floor(gaps.length / 2)] ?? body * 1.2;
    lines.forEach((line, lineIndex) => {
      const level = headingLevel(line);
      const current = blocks.at(-1);
      const continues =
        prev !== null &&
        current !== undefined &&
        current.page === pageIndex &&
        line.column === prev.column &&
        (level > 0 ? current.kind === 'heading' && current.level === level : current.kind === 'paragraph') &&
        prev.y - line.y > 0 &&
        prev.y - line.y <= Math.max(spacing, line.size) * 1.3 &&
        !(level === 0 && SENTENCE_END.test(prev.text) && prev.x1 < columnRight(lines, prev) - (columnRight(lines, prev) - prev.x0) * 0.15);
      // A paragraph cut by a page break goes on when the new page starts mid-sentence.
      const carriesOver =
        lineIndex === 0 && level === 0 && current?.kind === 'paragraph' && current.page < pageIndex && !SENTENCE_END.test(current.text) && /^[a-z]/.test(line.text);
      if (current && (continues || carriesOver)) current.text = appendLine(current.text, line.text);
      else blocks.push({ kind: level > 0 ? 'heading' : 'paragraph', level: level || 1, text: line.text, page: pageIndex });
      prev = line;
    });
  });
  return blocks;
}

/** The right edge of the column a line is in (the widest line of that column on its page). */
function columnRight(lines: Line[], line: Line): number {
  let right = line.x1;
  for (const l of lines) if (l.column === line.column && l.x1 > right) right = l.x1;
  return right;
}
