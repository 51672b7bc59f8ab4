/**
 * Child process for crash.test.ts: opens a data folder through the real services and saves
 * forever, printing "ack <kind> <seq>" after each save resolves, until it is killed.
 * Usage: node --import tsx crash-writer.ts <dataDir> <firstSeq>
 */
import { FactmarkError, type OperationName, type RequestOf, type ResponseOf } from '../../../src-shared/contract';
import { openFactmark } from '../../../src-main/services/factmark';

const [dataDir, firstSeq] = process.argv.slice(2);
const factmark = await openFactmark({ dataDir, resourcesDir: 'resources', seed: false });
for (const notice of factmark.ctx.store.notices()) process.stdout.write(`notice ${notice.message}\n`);

async function call<N extends OperationName>(name: N, req: RequestOf<N>): Promise<ResponseOf<N>> {
  const r = await factmark.dispatcher.call(name, req);
  if (!r.ok) throw new FactmarkError(r.error.code, r.error.message);
  return r.value as ResponseOf<N>;
}

let [row] = await call('library.list', {});
if (!row) {
  const text = 'Crash test article. The claim is here. '.repeat(20);
  await call('library.create', { meta: { title: 'Crash test' }, doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] } });
  [row] = await call('library.list', {});
  await call('claims.create', { articleId: row.id, range: { quote: 'The claim is here.' } });
}
const articleId = row.id;
let claim = (await call('claims.list', { articleId }))[0];
for (let seq = Number(firstSeq); ; seq++) {
  if (seq % 10 === 0) {
    await call('prefs.set', { reviewer: `r${seq}` });
    process.stdout.write(`ack prefs ${seq}\n`);
  } else if (seq % 15 === 0) {
    await call('claims.create', { articleId, range: { quote: 'Crash test article.', occurrence: 1 + (seq % 20) } });
    process.stdout.write(`ack create ${seq}\n`);
  } else {
    claim = await call('claims.update', { articleId, claimId: claim.id, baseRevision: claim.revision, patch: { note: `w${seq}` } });
    process.stdout.write(`ack note ${seq}\n`);
  }
}
