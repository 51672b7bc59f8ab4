/** First run: put the bundled sample article(s) from resources/samples into an empty library. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { unwrap } from '../../src-shared/call';
import { ArticleMeta } from '../../src-shared/model';
import { articleSchema } from '../../src-shared/schema';
import type { Dispatcher } from './dispatch';
import { withHeadline } from './import/headline';
import { plainTextToDoc } from './import/plain-text';

const SampleList = z.array(ArticleMeta.extend({ file: z.string() }));

/** The bundled samples listed in samples.json, each as first run imports it: its metadata and document (the title as its headline). */
export async function readSamples(samplesDir: string) {
  const list = SampleList.parse(JSON.parse(await readFile(join(samplesDir, 'samples.json'), 'utf8')));
  return Promise.all(list.map(async ({ file, ...meta }) => ({ file, meta, doc: sampleDoc(await readFile(join(samplesDir, file), 'utf8'), meta.title) })));
}

/** Import every bundled sample (claimable headline and all, like an import); returns the ids created. */
export async function seedSamples(dispatcher: Dispatcher, samplesDir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const { file, meta, doc } of await readSamples(samplesDir)) {
    try {
      ids.push((unwrap(await dispatcher.call('library.create', { meta, doc })) as { id: string }).id);
    } catch (error) {
      throw new Error(`Could not add the sample ${file}: ${(error as Error).message}`);
    }
  }
  return ids;
}

/** A sample's document: its plain text, with its title as the headline. */
function sampleDoc(text: string, title: string) {
  return withHeadline(articleSchema.nodeFromJSON(plainTextToDoc(text)), title).doc.toJSON();
}
