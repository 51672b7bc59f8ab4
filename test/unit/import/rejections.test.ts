import { afterEach, beforeEach, describe, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../src-main/services/import';
import { openTempLibrary, type TempLibrary } from '../../support/temp-library';
import { expectRejectedUnchanged, importBytes, importFixture, startServer } from './helpers';
import JSZip from 'jszip';

let lib: TempLibrary;
beforeEach(async () => {
  lib = await openTempLibrary();
  // one article already in the library, so a rejected import has something to leave alone
  await lib.call('import.paste', { text: 'An article that is already here.\n\nIt must not change.' });
});
afterEach(async () => {
  await lib.cleanup();
});

describe('bad input is refused with one clear line and nothing written', () => {
  it('an empty file', async () => {
    await expectRejectedUnchanged(lib, () => importFixture(lib, 'empty.txt'), /^empty\.txt is empty$/);
  });

  it('a file of only whitespace', async () => {
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'blank.md', Buffer.from('  \n\n\t\n')), /^blank\.md has no text to import$/);
  });

  it('a PNG renamed .html', async () => {
    await expectRejectedUnchanged(lib, () => importFixture(lib, 'png-renamed.html'), /^png-renamed\.html is not a text file \(it looks like a PNG image\)$/);
  });

  it('binary data of no known kind renamed .txt', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'data.txt', bytes), /^data\.txt is not a text file \(it holds binary data\)$/);
  });

  it('a file over 25 MB', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 'a');
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'huge.txt', big), /^huge\.txt is over 25 MB \(25\.0 MB\)$/);
  });

  it('a page with no article text', async () => {
    await expectRejectedUnchanged(lib, () => importFixture(lib, 'no-article.html'), /^No article text found in no-article\.html$/);
  });

  it('a .docx that is not a zip', async () => {
    await expectRejectedUnchanged(lib, () => importFixture(lib, 'not-a-zip.docx'), /^not-a-zip\.docx is not a Word document \(a \.docx is a zip archive\)$/);
  });

  it('a zip that is not a Word document', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'not word');
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'fake.docx', bytes), /^fake\.docx is a zip archive but not a Word document/);
  });

  it('a damaged zip', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>'.repeat(100));
    const bytes = (await zip.generateAsync({ type: 'nodebuffer' })).subarray(0, 60);
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'cut.docx', bytes), /^cut\.docx is a damaged zip archive/);
  });

  it('an unsupported extension', async () => {
    await expectRejectedUnchanged(lib, () => importBytes(lib, 'slides.pptx', Buffer.from('x')), /^Cannot import \.pptx files: use \.txt, .*\.docx, \.pdf, \.json, \.jsonld$/);
  });

  it('an unreachable URL', async () => {
    const server = await startServer((_req, res) => res.end('unused'));
    const url = server.url;
    await server.close(); // nothing listens on that port now
    await expectRejectedUnchanged(lib, () => lib.call('import.url', { url: `${url}/story` }), new RegExp(`^Could not reach ${url}/story: .*ECONNREFUSED`));
  });

  it('a URL that is not http(s)', async () => {
    await expectRejectedUnchanged(lib, () => lib.call('import.url', { url: 'file:///etc/passwd' }), /^Only http and https addresses can be imported, not file:$/);
    await expectRejectedUnchanged(lib, () => lib.call('import.url', { url: 'not a url' }), /^"not a url" is not a web address$/);
  });

  it('an empty paste, and a paste with no text', async () => {
    await expectRejectedUnchanged(lib, () => lib.call('import.paste', { text: '   ' }), /^The pasted text is empty$/);
    await expectRejectedUnchanged(lib, () => lib.call('import.paste', { html: '<script>alert(1)</script><img src=x>' }), /^The pasted text has no text to import$/);
    await expectRejectedUnchanged(lib, () => lib.call('import.paste', {}), /give html or text/);
  });
});
