import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { LedgerError } from '../../errors.js';
import type { BackupOptions } from '../types.js';

/**
 * Checks where a backup may go: a non-empty path without NUL, not `:memory:`, not the ledger itself
 * (nor its `-wal`, `-shm` or `-journal` file),
 * not an existing file unless `overwrite`, and never a ledger in use (one with a `-wal` file, which
 * SQLite would replay into the copy).
 *
 * @param path - the destination as given
 * @param options - the backup options as given
 * @param source - the ledger's own file (`''` or `:memory:` for an in-memory ledger)
 * @returns the absolute destination and whether it may be replaced
 * @throws LedgerError `validation_failed`, `file_exists`
 * @internal
 */
export function backupTarget(path: unknown, options: unknown, source: string): { target: string; overwrite: boolean } {
  if (typeof path !== 'string' || path.trim() === '' || path.includes('\0') || path === ':memory:') {
    throw new LedgerError(
      'validation_failed',
      `backup: expected the path of the file to write, received ${JSON.stringify(path) ?? String(path)}: pass a file name such as ledger-backup.sqlite`,
    );
  }
  if (
    options !== undefined &&
    (typeof options !== 'object' || options === null || Array.isArray(options) || Object.keys(options).some((k) => k !== 'overwrite'))
  ) {
    throw new LedgerError(
      'validation_failed',
      `backup options: expected { overwrite?: boolean } or nothing, received ${JSON.stringify(options) ?? String(options)}`,
    );
  }
  const overwrite = (options as BackupOptions | undefined)?.overwrite ?? false;
  if (typeof overwrite !== 'boolean')
    throw new LedgerError('validation_failed', `backup options: overwrite: expected true or false, received ${JSON.stringify(overwrite)}`);
  const target = resolve(path);
  if (source && source !== ':memory:' && resolve(source) === target) {
    throw new LedgerError('validation_failed', `backup: ${target} is the ledger itself: write the backup to another file`);
  }
  // Replacing the ledger's own WAL (or journal) would cut commits out of it for every other connection.
  if (source && source !== ':memory:' && ['-wal', '-shm', '-journal'].some((suffix) => `${resolve(source)}${suffix}` === target)) {
    throw new LedgerError(
      'validation_failed',
      `backup: ${target} is a file of the ledger itself (its SQLite ${target.slice(target.lastIndexOf('-') + 1)} file): write the backup to another file`,
    );
  }
  if (existsSync(`${target}-wal`)) {
    throw new LedgerError('file_exists', `backup: ${target} is a SQLite database in use (it has a -wal file): close it, or write the backup to another file`, {
      details: { path: target },
    });
  }
  if (!overwrite && existsSync(target)) {
    throw new LedgerError('file_exists', `backup: ${target} already exists: choose another file, or pass overwrite: true (--overwrite) to replace it`, {
      details: { path: target },
    });
  }
  return { target, overwrite };
}

/**
 * Moves the finished copy to its name in one step: `rename` when it may replace a file; otherwise a
 * hard link, which fails if a file appeared there meanwhile (never replacing it), then the temporary
 * name is removed. Where hard links are not supported, an existence check and `rename`.
 *
 * @throws LedgerError `file_exists`
 * @internal
 */
export function placeFile(temp: string, target: string, overwrite: boolean): void {
  if (overwrite) {
    renameSync(temp, target);
    return;
  }
  try {
    linkSync(temp, target);
    rmSync(temp, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new LedgerError('file_exists', `backup: ${target} appeared while the backup was written: nothing was replaced`, { details: { path: target } });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
    if (existsSync(target))
      throw new LedgerError('file_exists', `backup: ${target} appeared while the backup was written: nothing was replaced`, { details: { path: target } });
    renameSync(temp, target);
  }
}
