/**
 * PostgreSQL driver errors as {@link LedgerError}s, and connection strings made safe to print.
 *
 * @remarks
 * A password never appears in a message, a report or an error: {@link safeLocation} drops it from
 * the URL, and {@link PgErrors.translate} removes it from the driver's own text too (a DNS or TLS
 * error can quote the connection string it was given).
 *
 * @internal
 * @module
 */
import { LedgerError } from '../../errors.js';

/** The SQLSTATEs a transaction is run again for: serialization failure and deadlock. @internal */
export const RETRYABLE_SQLSTATES: ReadonlySet<string> = new Set(['40001', '40P01']);

/** The SQLSTATE of a driver error (`error.code`, five characters), or `undefined`. @internal */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Whether a `postgres://` or `postgresql://` URL. @internal */
export function isPostgresUrl(value: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(value);
}

/**
 * The URL with its password replaced by `***` (and no query string, which may carry one too), for
 * messages and the open report; a value that does not parse as a URL is not printed at all.
 *
 * @internal
 */
export function safeLocation(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    u.search = '';
    u.hash = '';
    return u.toString();
  } catch {
    return 'postgres://(a connection string that is not a valid URL)';
  }
}

/** The secrets a connection string carries: its password, and any `password=` parameter. */
function secretsOf(url: string): string[] {
  const secrets: string[] = [];
  try {
    const u = new URL(url);
    if (u.password) secrets.push(u.password, decodeURIComponent(u.password));
    for (const [key, value] of u.searchParams) if (/pass/i.test(key) && value) secrets.push(value);
  } catch {
    // Not a URL: the whole string is treated as secret.
    secrets.push(url);
  }
  return [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
}

/**
 * Translates errors at the adapter's edge for one connection string.
 *
 * @internal
 */
export class PgErrors {
  /** Where the ledger is, safe to print. */
  readonly location: string;
  readonly #secrets: string[];

  constructor(url: string) {
    this.location = safeLocation(url);
    this.#secrets = secretsOf(url);
  }

  /** `text` with every secret of the connection string replaced by `***`. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.#secrets) out = out.split(secret).join('***');
    return out;
  }

  /**
   * A {@link LedgerError} for any error: a LedgerError passes through, a driver error becomes
   * `storage_error` naming the ledger's location, the SQLSTATE and the fix where one is known.
   */
  translate(error: unknown, doing: string): LedgerError {
    if (error instanceof LedgerError) return error;
    const state = sqlState(error);
    const raw = error instanceof Error ? error.message : String(error);
    const message = this.redact(raw);
    const hint = hintFor(state, raw);
    return new LedgerError(
      'storage_error',
      `${doing} on PostgreSQL ${this.location} failed: ${message}${state ? ` (SQLSTATE ${state})` : ''}${hint ? `: ${hint}` : ''}`,
      {
        cause: error instanceof Error ? redactedError(error, message) : undefined,
        details: { backend: 'postgres', location: this.location, ...(state ? { sqlState: state } : {}), ...(hint ? { fix: hint } : {}) },
      },
    );
  }
}

/** A copy of the driver's error with its message redacted (the original may quote the password). */
function redactedError(error: Error, message: string): Error {
  if (message === error.message) return error;
  const copy = new Error(message);
  copy.name = error.name;
  const code = sqlState(error);
  if (code) Object.assign(copy, { code });
  return copy;
}

/** What to do about the common failures, by SQLSTATE or driver message. */
function hintFor(state: string | undefined, message: string): string | undefined {
  if (state === '28P01' || state === '28000') return 'check the user and password in the connection string';
  if (state === '3D000') return 'create the database first (createdb, or CREATE DATABASE), or fix its name in the URL';
  if (state === '42501') return "the role lacks a privilege the ledger needs: see docs/storage.md, 'a team ledger on PostgreSQL'";
  if (state === '53300') return 'the server has no free connection slot: lower poolSize, or raise max_connections';
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|timeout/i.test(message)) return 'check that the server runs and that the host and port in the URL are right';
  return undefined;
}
