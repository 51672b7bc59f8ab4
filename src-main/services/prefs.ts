/** The preferences service: reviewer name and fact-checking organisation. */
import type { ParsedRequestOf, PreferencesRecord } from '../../src-shared/contract';
import type { ServiceContext } from './context';

export function createPrefsService(ctx: ServiceContext) {
  return {
    get: (): Promise<PreferencesRecord> => ctx.store.prefs(),
    async set(req: ParsedRequestOf<'prefs.set'>): Promise<PreferencesRecord> {
      const next = { ...(await ctx.store.prefs()), ...req };
      await ctx.store.writePrefs(next);
      return next;
    },
  };
}
