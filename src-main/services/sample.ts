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

/** Import every sample listed in samples.json, its title as the text's headline (claimable like an import's); returns the ids created. */
export async function seedSamples(dispatcher: Dispatcher, samplesDir: string): Promise<string[]> {
  const list = SampleList.parse(JSON.parse(await readFile(join(samplesDir, 'samples.json'), 'utf8')));
  const ids: string[] = [];
  for (const { file, ...meta } of list) {
    const text = await readFile(join(samplesDir, file), 'utf8');
    try {
      ids.push((unwrap(await dispatcher.call('library.create', { meta, doc: withHeadline(articleSchema.nodeFromJSON(plainTextToDoc(text)), meta.title).doc.toJSON() })) as { id: string }).id);
    } catch (error) {
      throw new Error(`Could not add the sample ${file}: ${(error as Error).message}`);
    }
  }
  return ids;
}
