/**
 * Claimant merges: claimants.json in the data folder holds groups of names that are one person
 * ("Kuleba", "Dmytro Kuleba", "Dmitry Kuleba"). Claims are never rewritten: a group only changes
 * how names are counted and filtered, and each group remembers the groups it replaced, so a merge
 * is undone exactly. Names compare folded (case, accents and punctuation ignored).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { FactmarkError } from '../../src-shared/contract';
import { readTextIfExists, writeFileDurably } from '../store/durable-file';
import type { ServiceContext } from '../services/context';
import { nameKey } from './normalise';

interface Group {
  id: string;
  name: string;
  aliases: string[];
  replaced: Group[];
}

const GroupSchema: z.ZodType<Group> = z.lazy(() =>
  z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), replaced: z.array(GroupSchema) }),
);

const ClaimantsFile = z.object({ schemaVersion: z.literal(1), groups: z.array(GroupSchema) });

/** The merged groups of one library, with a lookup by folded name. */
export class ClaimantGroups {
  private groups: Group[] = [];
  private byKey = new Map<string, Group>();
  /** What groupOf answers for each group, made once (searches ask for every listed claim). */
  private views = new Map<Group, { readonly id: string; readonly name: string; readonly names: readonly string[] }>();
  /** Bumped on every change, so cached search results know they are stale. */
  generation = 0;

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    const text = await readTextIfExists(this.file);
    let raw: unknown = null;
    try {
      raw = text === null ? null : JSON.parse(text);
    } catch {
      raw = null; // a damaged file counts as no merges; the next merge replaces it
    }
    const parsed = ClaimantsFile.safeParse(raw);
    this.set(parsed.success ? parsed.data.groups : []);
  }

  private set(groups: Group[]): void {
    this.groups = groups;
    this.byKey = new Map();
    this.views = new Map();
    for (const g of groups) {
      const view = { id: g.id, name: g.name, names: [g.name, ...g.aliases] };
      this.views.set(g, view);
      for (const n of view.names) this.byKey.set(nameKey(n), g);
    }
    this.generation++;
  }

  private async save(groups: Group[]): Promise<void> {
    await writeFileDurably(this.file, JSON.stringify({ schemaVersion: 1, groups }, null, 1));
    this.set(groups);
  }

  /** The group a (folded) name belongs to. */
  groupOf(key: string): { readonly id: string; readonly name: string; readonly names: readonly string[] } | undefined {
    const g = this.byKey.get(key);
    return g && this.views.get(g);
  }

  /** Merge the groups or names of `names` into one group called `into`; returns its id. */
  async merge(names: string[], into: string, newId: string): Promise<string> {
    const keys = new Set(names.map(nameKey));
    if (keys.size < 2 && !names.some((n) => this.byKey.has(nameKey(n)))) {
      throw new FactmarkError('invalid-input', 'Give at least two different claimant names to merge');
    }
    const touched = new Set<Group>();
    for (const key of keys) {
      const g = this.byKey.get(key);
      if (g) touched.add(g);
    }
    const all = new Map<string, string>();
    for (const n of [into, ...names, ...[...touched].flatMap((g) => [g.name, ...g.aliases])]) if (!all.has(nameKey(n))) all.set(nameKey(n), n.trim());
    all.delete(nameKey(into));
    if (all.size === 0) throw new FactmarkError('invalid-input', 'Give at least two different claimant names to merge');
    const group: Group = { id: newId, name: into.trim(), aliases: [...all.values()], replaced: [...touched] };
    await this.save([...this.groups.filter((g) => !touched.has(g)), group]);
    return group.id;
  }

  /** Undo the merge that made the group holding `name`; returns the names it gives back. */
  async unmerge(name: string): Promise<string[]> {
    const g = this.byKey.get(nameKey(name));
    if (!g) throw new FactmarkError('not-found', `"${name}" is not a merged claimant`);
    await this.save([...this.groups.filter((x) => x !== g), ...g.replaced]);
    return [g.name, ...g.aliases];
  }
}

const registry = new WeakMap<ServiceContext, Promise<ClaimantGroups>>();

/** The claimant groups of a library, loaded once. */
export function claimantGroups(ctx: ServiceContext): Promise<ClaimantGroups> {
  let groups = registry.get(ctx);
  if (!groups) {
    const g = new ClaimantGroups(join(ctx.store.dataDir, 'claimants.json'));
    groups = g.load().then(() => g);
    registry.set(ctx, groups);
  }
  return groups;
}
