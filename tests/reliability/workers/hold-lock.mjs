// node hold-lock.mjs <db> <ms>: creates <db> if needed, takes SQLite's write lock (BEGIN IMMEDIATE,
// rollback journal: a new file), prints "locked", holds it <ms> milliseconds, then commits.
import Database from 'better-sqlite3';

const [path, ms] = process.argv.slice(2);
const db = new Database(path);
db.exec('BEGIN IMMEDIATE');
console.log('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms));
db.exec('COMMIT');
db.close();
