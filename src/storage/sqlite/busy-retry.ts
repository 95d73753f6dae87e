/** Sleeps the thread (the store is synchronous underneath, like better-sqlite3 itself). */
const pause = new Int32Array(new SharedArrayBuffer(4));

/** Whether a driver error is SQLITE_BUSY (or one of its extended codes). */
function isBusy(error: unknown): boolean {
  return typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('SQLITE_BUSY');
}

/**
 * Runs `fn`, retrying it after a short random pause while it fails with SQLITE_BUSY, for at most
 * `timeoutMs`; then the last error is thrown.
 *
 * @remarks
 * For the few statements SQLite does not retry on its own. `PRAGMA journal_mode = WAL` on a new
 * file first takes a read lock, then asks for the write lock while holding it; SQLite never calls
 * the busy handler for that upgrade (it could deadlock), so when several processes open one new file
 * at once, one of them may get "database is locked" at once instead of waiting its turn. The pragma
 * changes nothing until it succeeds, so trying again is safe.
 *
 * @internal
 */
export function retryWhileBusy<T>(fn: () => T, timeoutMs: number): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return fn();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 2 + Math.floor(Math.random() * 20));
    }
  }
}
