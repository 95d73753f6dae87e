import { SqliteStore } from '../../storage/sqlite/sqlite-store.js';
import type { CommandContext } from '../context.js';
import { withLedger } from '../ledger-session.js';

/**
 * `forecast-ledger migrate`: checks the applied migrations and applies the pending ones, reporting
 * each one applied. Opening a ledger already migrates it, so what opening applied is reported
 * together with anything `migrate()` applies after it.
 */
export async function run(ctx: CommandContext): Promise<void> {
  await withLedger(ctx, {}, async (ledger) => {
    const onOpen = ledger.store instanceof SqliteStore ? ledger.store.migratedOnOpen.applied : [];
    const report = await ledger.store.migrate();
    const applied = [...onOpen, ...report.applied];
    ctx.out.result({ db: ctx.db, schemaVersion: report.version, applied });
    const summary = applied.length ? `applied ${applied.map((m) => `${m.version} (${m.name})`).join(', ')}` : 'every migration checks out, none pending';
    ctx.out.success(`${ctx.dbLabel}: ${summary}; schema version ${report.version}`);
  });
}
