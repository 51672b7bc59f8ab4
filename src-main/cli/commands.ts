/** Every CLI command, in the order `help` lists them. */
import { backupsCommand, restoreCommand } from './backup-commands';
import { claimAddCommand, claimListCommand } from './claim-commands';
import type { Command } from './command';
import { exportCommand, restoreExportCommand } from './export-commands';
import { importCommand } from './import-commands';
import { deleteCommand, listCommand, showCommand } from './library-commands';
import { LIBRARY_SEARCH_COMMANDS } from './library-search-commands';
import { suggestCommand } from './suggest-commands';
import { syncCommand } from './sync-commands';

export const COMMANDS: Command[] = [listCommand, importCommand, showCommand, deleteCommand, claimAddCommand, claimListCommand, backupsCommand, restoreCommand, exportCommand, restoreExportCommand, suggestCommand, ...LIBRARY_SEARCH_COMMANDS, syncCommand];
