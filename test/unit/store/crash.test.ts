/**
 * Crash test: a child process saves through the real services and is killed with SIGKILL at
 * random moments; after every kill each file must parse and hold the last acknowledged state or
 * a later one, and the next opener may only find unfinished temp files to set aside. The kill
 * moments come from a seeded generator: a failure prints its seed, and FACTMARK_CRASH_SEED=<seed>
 * replays the same schedule.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStoreText } from '../../../src-main/store/file-loader';
import { ArticleFile, IndexFile, PrefsFile } from '../../../src-main/store/files';
import { makeTempDir } from '../../support/temp-library';

const WRITER = join(import.meta.dirname, 'crash-writer.ts');
const MIN_ACKS = 200;
const MIN_KILLS = 12;
const MAX_RUNS = 60;

/** The seed of this run: FACTMARK_CRASH_SEED when set (to replay a failure), else a random one. */
const SEED = Number(process.env.FACTMARK_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** How long after its first ack each run's writer is killed (ms): mostly mid-stream, sometimes right after an ack. */
function killDelays(seed: number, runs: number): number[] {
  return fc.sample(fc.integer({ min: 20, max: 420 }), { seed, numRuns: runs });
}

interface Acked {
  note: number;
  prefs: number;
  creates: number;
}

/** Run the writer until a random moment after its first ack, SIGKILL it, and collect its output. */
function runAndKill(dir: string, firstSeq: number, acked: Acked, killAfterMs: number): Promise<{ acks: number; notices: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir, String(firstSeq)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acks = 0;
    let stderr = '';
    const notices: string[] = [];
    let timer: NodeJS.Timeout | null = null;
    child.stderr.on('data', (d) => (stderr += d));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, kind, seq] = line.split(' ');
      if (word === 'notice') notices.push(line.slice('notice '.length));
      if (word !== 'ack') return;
      acks += 1;
      if (kind === 'note') acked.note = Number(seq);
      if (kind === 'prefs') acked.prefs = Number(seq);
      if (kind === 'create') acked.creates += 1;
      timer ??= setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited with ${code}: ${stderr}`));
      else resolve({ acks, notices });
    });
  });
}

async function json(file: string) {
  return readFile(file, 'utf8');
}

/** Every store file parses and validates, and holds the acknowledged state or a later one. */
async function checkFolder(dir: string, acked: Acked): Promise<void> {
  const index = checkStoreText(await json(join(dir, 'index.json')), 'index', IndexFile);
  expect(index.ok, 'index.json is whole').toBe(true);
  const [name, ...others] = (await readdir(join(dir, 'articles'))).filter((n) => !n.startsWith('.'));
  expect(others).toEqual([]);
  const article = checkStoreText(await json(join(dir, 'articles', name)), 'article', ArticleFile);
  if (article.ok !== true || index.ok !== true) throw new Error(`article file is damaged: ${JSON.stringify(article)}`);
  const claims = article.data.claims;
  expect(Number(claims[0].note.slice(1) || 0)).toBeGreaterThanOrEqual(acked.note);
  expect(claims.length).toBeGreaterThanOrEqual(1 + acked.creates);
  expect(index.data.articles[0].claimCount).toBeGreaterThanOrEqual(1 + acked.creates);
  if (acked.prefs) {
    const prefs = checkStoreText(await json(join(dir, 'prefs.json')), 'prefs', PrefsFile);
    if (prefs.ok !== true) throw new Error('prefs.json is damaged');
    expect(Number(prefs.data.prefs.reviewer.slice(1))).toBeGreaterThanOrEqual(acked.prefs);
  }
  for (const folder of [join(dir, 'backups', 'articles', article.data.article.id), join(dir, 'backups', 'prefs')]) {
    for (const backup of await readdir(folder).catch(() => [])) {
      const text = await json(join(folder, backup));
      const checked = folder.endsWith('prefs') ? checkStoreText(text, 'prefs', PrefsFile) : checkStoreText(text, 'article', ArticleFile);
      expect(checked.ok).toBe(true);
    }
  }
  for (const moved of await readdir(join(dir, 'quarantine')).catch(() => [])) expect(moved).toMatch(/\.tmp\.\d{8}T\d{9}Z(-\d+)?$/);
}

describe('crash safety', () => {
  it('draws its kill moments from a seed, so a failing run can be replayed', () => {
    expect(killDelays(SEED, MAX_RUNS)).toEqual(killDelays(SEED, MAX_RUNS));
    expect(killDelays(1, MAX_RUNS)).not.toEqual(killDelays(2, MAX_RUNS));
    expect(killDelays(SEED, MAX_RUNS).every((ms) => ms >= 20 && ms <= 420)).toBe(true);
  });

  it(`keeps every file whole and acknowledged across SIGKILLs at random moments (${MIN_ACKS}+ writes)`, async () => {
    const dir = await makeTempDir('factmark-crash-');
    const acked: Acked = { note: 0, prefs: 0, creates: 0 };
    const delays = killDelays(SEED, MAX_RUNS);
    let total = 0;
    let kills = 0;
    try {
      for (let run = 1; (total < MIN_ACKS || kills < MIN_KILLS) && run <= MAX_RUNS; run++) {
        const { acks, notices } = await runAndKill(dir, run * 1000, acked, delays[run - 1]);
        kills += 1;
        total += acks;
        for (const notice of notices) expect(notice).toMatch(/^An unfinished save of .* was found and moved to quarantine\//);
        await checkFolder(dir, acked);
      }
      expect(total).toBeGreaterThanOrEqual(MIN_ACKS);
      expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    } catch (error) {
      if (error instanceof Error) error.message = `${error.message}\n(crash test seed ${SEED}: replay with FACTMARK_CRASH_SEED=${SEED})`;
      throw error;
    }
    await rm(dir, { recursive: true, force: true });
  }, 120_000);
});
