/** What every format converter produces, and the titles used when a source names none. */
import { basename, extname } from 'node:path';
import type { Node as PMNode } from 'prosemirror-model';
import type { PageStartEntry } from '../../../src-shared/model';
import type { MetaDraft } from './metadata';

/** A converter's result: metadata found in the source and the article document. */
export interface Converted {
  meta: MetaDraft;
  doc: PMNode;
  /** Where each page begins in the text, for paginated sources (PDF). */
  pages?: PageStartEntry[];
}

/** Where the bytes came from: a file name for messages and titles, and for fetched pages their URL and type. */
export interface Source {
  /** "report.html", or the URL for a fetched page. */
  label: string;
  fileName?: string;
  url?: string;
  /** The Content-Type header of a fetched page. */
  contentType?: string;
}

/** Converts the bytes of one format. */
export type Converter = (bytes: Buffer, source: Source) => Promise<Converted> | Converted;

/** A readable title from a file name: "antalya-talks.txt" -> "Antalya talks". */
export function titleFromFileName(fileName: string): string {
  const stem = basename(fileName, extname(fileName)).replace(/[-_]+/g, ' ').trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : 'Untitled article';
}

/** The first line of some text, shortened to about 80 characters at a word boundary. */
export function titleFromText(text: string): string {
  const line = text.trim().split('\n')[0]?.replace(/\s+/g, ' ').trim() ?? '';
  if (line.length <= 80) return line;
  const cut = line.slice(0, 80);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : 80)}…`;
}

/** A title from a web address: its last path segment ("/news/port-talks.html" -> "Port talks"), else its host. */
export function titleFromUrl(url: string): string {
  const { pathname, hostname } = new URL(url);
  const segment = pathname.split('/').filter(Boolean).pop();
  return segment ? titleFromFileName(decodeURIComponent(segment)) : hostname;
}
