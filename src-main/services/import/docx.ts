/**
 * Word (.docx) -> article: mammoth turns the document into HTML (headings, lists, bold, italic,
 * links; images keep only their alt text), which then takes the same sanitise-and-convert path
 * as any page. Title, author, language and date come from the file's core properties.
 */
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { JSDOM } from 'jsdom';
import { FactmarkError } from '../../../src-shared/contract';
import type { Converter } from './converted';
import { convertHtml } from './html';
import { binaryFormatOf, isZip } from './input-checks';
import { overrideMeta, type MetaDraft } from './metadata';
import { checkInflatedSize } from './zip-limits';

const DC = 'http://purl.org/dc/elements/1.1/';
const DCTERMS = 'http://purl.org/dc/terms/';

/** Word's own title styles become headings; every other style keeps mammoth's defaults. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"];

/** Images are not imported: skip reading their bytes and keep an <img> with the alt text only. */
const NO_IMAGE_DATA = mammoth.images.imgElement(async () => ({ src: '' }));

/** Metadata from docProps/core.xml (Dublin Core), when the file has it. */
async function coreProperties(zip: JSZip): Promise<MetaDraft> {
  const xml = await zip.file('docProps/core.xml')?.async('string');
  if (!xml) return {};
  const doc = new JSDOM(xml, { contentType: 'application/xml' }).window.document;
  const text = (ns: string, name: string) => doc.getElementsByTagNameNS(ns, name)[0]?.textContent?.trim() || undefined;
  return {
    title: text(DC, 'title'),
    byline: text(DC, 'creator'),
    language: text(DC, 'language'),
    publishedAt: text(DCTERMS, 'created'),
  };
}

/** Open the zip and check it is a Word document that does not inflate past the limits; errors name the file. */
async function openDocx(bytes: Buffer, label: string): Promise<JSZip> {
  if (!isZip(bytes)) {
    const format = binaryFormatOf(bytes);
    throw new FactmarkError('invalid-input', `${label} is not a Word document (a .docx is a zip archive${format ? `; this looks like ${format}` : ''})`);
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new FactmarkError('invalid-input', `${label} is a damaged zip archive: ${(error as Error).message}`);
  }
  if (!zip.file('word/document.xml')) throw new FactmarkError('invalid-input', `${label} is a zip archive but not a Word document (no word/document.xml)`);
  await checkInflatedSize(zip, label); // before mammoth inflates anything itself
  return zip;
}

/** A .docx file. */
export const convertDocx: Converter = async (bytes, source) => {
  const zip = await openDocx(bytes, source.label);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap: STYLE_MAP, convertImage: NO_IMAGE_DATA })).value;
  } catch (error) {
    throw new FactmarkError('invalid-input', `${source.label} could not be read as a Word document: ${(error as Error).message.split('\n')[0]}`);
  }
  const converted = convertHtml(html, { label: source.label, extract: false });
  const core = await coreProperties(zip);
  return { doc: converted.doc, meta: overrideMeta(converted.meta, core) };
};
