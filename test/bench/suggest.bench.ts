/**
 * Claim suggestions: check-worthiness F1/P/R on the held-apart 2016 debates (retrains the shipped
 * model and a reference model, ~1 min), claimant attribution accuracy on PolNeAR dev by source kind and
 * quote type, suggest.claims on a 100,000-word article, and suggest.claimant p95. Needs
 * ../shared/data (never committed). Prints figures; not pass/fail.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { evaluationRun, loadSplits } from '../../scripts/checkworthy-training';
import { sharedDataDir } from '../../scripts/checkworthy-data';
import { plainTextToDoc } from '../../src-main/services/import/plain-text';
import { loadCheckworthyModel, scoreTokens } from '../../src-main/services/suggest/checkworthy-model';
import { analyse } from '../../src-main/services/suggest/nlp';
import { claimantOf } from '../../src-main/services/suggest/suggester';
import { openTempLibrary } from '../support/temp-library';
import { median, percentile } from './stats';
import { accuracyBy, hasSpeechCue, readPolnear, scoreRow } from './suggest-attribution';
import { readFileSync } from 'node:fs';

const WORDS = 100_000;

function checkworthiness(): void {
  const { report } = evaluationRun(loadSplits());
  const line = (name: string, r: { f1: number; precision: number; recall: number; n: number }) =>
    console.log(`  ${name.padEnd(52)} F1 ${r.f1.toFixed(3)}  P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  (${r.n} sentences)`);
  const held = report.heldApart2016;
  console.log(`check-worthiness: the shipped model (weights from the debates before 2016; threshold ${report.threshold} from the 2016 debates; share ${report.maxShare.toFixed(3)})`);
  line(`held-apart 2016 debates (thresholds ${held.thresholds.join(', ')}, cross-fitted)`, held);
  line('same, each 1000-id block one article (share applied)', report.heldApart2016AsArticles);
  const ref = report.reference;
  console.log(`reference model (${ref.about}; threshold ${ref.threshold}):`);
  line('held-apart 2016 debates', ref.heldApart2016);
  line('validation blocks', ref.validation);
  line('dev (shares debates with train, flatters)', ref.dev);
}

function attribution(): void {
  const rows = readPolnear(sharedDataDir());
  const speech = rows.filter(hasSpeechCue);
  for (const quote of ['content', 'sentence'] as const) {
    const scored = speech.map((r) => scoreRow(r, quote));
    const fmt = (o: Record<string, { accuracy: number; n: number }>) =>
      Object.entries(o).map(([k, v]) => `${k} ${(100 * v.accuracy).toFixed(1)}% (${v.n})`).join(', ');
    console.log(`attribution, PolNeAR dev rows with a speech cue, quote = ${quote}:`);
    console.log(`  all ${fmt(accuracyBy(scored, () => 'rows'))}`);
    console.log(`  by source kind: ${fmt(accuracyBy(scored, (s) => s.row.source_kind))}`);
    console.log(`  by quote type: ${fmt(accuracyBy(scored, (s) => s.row.quote_type))}`);
  }
  const every = rows.map((r) => scoreRow(r, 'content'));
  console.log(`  every PolNeAR dev row (beliefs, polls, intentions too): ${(100 * every.filter((s) => s.correct).length / every.length).toFixed(1)}% (${every.length})`);
}

async function speed(): Promise<void> {
  const sample = readFileSync('resources/samples/antalya-talks.txt', 'utf8');
  const words = sample.split(/\s+/).length;
  const big = Array.from({ length: Math.ceil(WORDS / words) }, () => sample).join('\n');
  const lib = await openTempLibrary();
  try {
    const t0 = performance.now();
    loadCheckworthyModel();
    const load = performance.now() - t0;
    const { id } = await lib.call('library.create', { meta: { title: 'Big', language: 'en' }, doc: plainTextToDoc(big) });
    const { id: other } = await lib.call('library.create', { meta: { title: 'Big 2', language: 'en' }, doc: plainTextToDoc(`${big}\nThe end.`) });
    // Scoring alone, sentences already tagged: the shipped model against the same model without its word prior.
    const sentences = analyse(big);
    const model = loadCheckworthyModel();
    const rate = (m: typeof model) => {
      const t = performance.now();
      for (const sentence of sentences) scoreTokens(m, sentence.tokens);
      return sentences.length / ((performance.now() - t) / 1000);
    };
    const noPrior = { ...model, wordPrior: new Map<string, number>() };
    // Both warmed up, then five alternating runs each: the median, so JIT and a busy machine weigh less.
    rate(model);
    rate(noPrior);
    const runs = Array.from({ length: 5 }, () => [rate(model), rate(noPrior)]);
    const withPrior = median(runs.map((r) => r[0]));
    const withoutPrior = median(runs.map((r) => r[1]));
    console.log(`  scoring alone (median of 5): ${Math.round(withPrior)} sentences/s with the word prior, ${Math.round(withoutPrior)} without (ratio ${(withPrior / withoutPrior).toFixed(2)}; ${sentences.length} sentences)`);
    const claimsTimes: number[] = [];
    let count = 0;
    const claimsCpu: number[] = [];
    for (let i = 0; i < 3; i++) {
      // A fresh text each run, so no run reuses the sentence cache.
      const articleId = (await lib.call('library.create', { meta: { title: `Big ${i + 3}`, language: 'en' }, doc: plainTextToDoc(`${big}\nRun ${i}.`) })).id;
      const c = performance.now();
      const cpu = process.cpuUsage();
      count = (await lib.call('suggest.claims', { articleId })).length;
      const used = process.cpuUsage(cpu);
      claimsTimes.push(performance.now() - c);
      claimsCpu.push((used.user + used.system) / 1000);
    }
    console.log(`speed (${big.split(/\s+/).length} words, model load ${load.toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores):`);
    console.log(`  suggest.claims: median ${median(claimsTimes).toFixed(0)} ms wall, ${median(claimsCpu).toFixed(0)} ms CPU, over 3 fresh articles (${count} suggestions; target <= 2000 ms)`);
    const text = big.replace(/\n/g, '\n\n');
    let seed = 7;
    const ranges = Array.from({ length: 200 }, () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const start = seed % (text.length - 200);
      return { start, end: start + 120 };
    });
    const timeCalls = async (articleId: string) => {
      const wall: number[] = [];
      const cpu: number[] = [];
      for (const r of ranges) {
        const c = process.cpuUsage();
        const t = performance.now();
        await lib.call('suggest.claimant', { articleId, ...r });
        wall.push(performance.now() - t);
        const used = process.cpuUsage(c);
        cpu.push((used.user + used.system) / 1000);
      }
      return `p50 ${median(wall).toFixed(1)} ms, p95 ${percentile(wall, 95).toFixed(1)} ms wall; p95 ${percentile(cpu, 95).toFixed(1)} ms CPU`;
    };
    console.log(`  suggest.claimant on an article never analysed whole (200 ranges; target p95 <= 20 ms): ${await timeCalls(other)}`);
    await lib.call('suggest.claims', { articleId: id });
    console.log(`  suggest.claimant, sentences cached by suggest.claims: ${await timeCalls(id)}`);
    const fresh = `${big}\nAnother run.`.replace(/\n/g, '\n\n');
    const attributionOnly: number[] = [];
    for (const r of ranges) {
      const t = performance.now();
      claimantOf(fresh, r.start, r.end);
      attributionOnly.push(performance.now() - t);
    }
    console.log(`  attribution alone (claimantOf, no store): p50 ${median(attributionOnly).toFixed(1)} ms, p95 ${percentile(attributionOnly, 95).toFixed(1)} ms wall`);
  } finally {
    await lib.cleanup();
  }
}

attribution();
await speed();
checkworthiness();
