/**
 * Dismissed suggestions, remembered per article in <data>/suggestions/<articleId>.json (written
 * durably). A dismissal keeps its quote, so it still matches after edits move the text.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { readTextIfExists, writeFileDurably } from '../../store/durable-file';

const DismissalFile = z.object({
  version: z.literal(1),
  dismissed: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0), quote: z.string() })),
});
export type Dismissal = z.infer<typeof DismissalFile>['dismissed'][number];

export class Dismissals {
  constructor(private readonly dataDir: string) {}

  private file(articleId: string): string {
    return join(this.dataDir, 'suggestions', `${articleId}.json`);
  }

  /** The article's dismissals; an unreadable file counts as none. */
  async list(articleId: string): Promise<Dismissal[]> {
    const text = await readTextIfExists(this.file(articleId));
    if (text === null) return [];
    try {
      return DismissalFile.parse(JSON.parse(text)).dismissed;
    } catch {
      return [];
    }
  }

  async save(articleId: string, dismissed: Dismissal[]): Promise<void> {
    await mkdir(join(this.dataDir, 'suggestions'), { recursive: true });
    await writeFileDurably(this.file(articleId), `${JSON.stringify({ version: 1, dismissed }, null, 1)}\n`);
  }

  async forget(articleId: string): Promise<void> {
    await rm(this.file(articleId), { force: true });
  }
}

/** Whether the sentence [start, end) of `text` was dismissed (same place, or the same words elsewhere). */
export function isDismissed(dismissed: readonly Dismissal[], text: string, start: number, end: number): boolean {
  const quote = text.slice(start, end);
  return dismissed.some((d) => (d.start === start && d.end === end) || d.quote === quote);
}
