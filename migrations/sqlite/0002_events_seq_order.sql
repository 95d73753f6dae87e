-- forecast-ledger: the schema itself refuses an event out of sequence.
--
-- `events.seq` is 1, 2, 3, … without gaps, and `verify()` checks it. Until now the schema did not:
-- a plain INSERT of an event with seq = 0 (or -5, or 1000) was accepted by SQLite, and a forged
-- event with seq ≤ 0 sorted before the real history. This trigger refuses any INSERT whose seq is
-- not the next number: max(seq) + 1, or 1 for the first event. So seq < 1, a gap, a duplicate and
-- an insert "into the past" all fail, with the triggers of 0001 refusing UPDATE and DELETE.
--
-- Why a trigger and not a CHECK (seq >= 1): SQLite cannot add a CHECK constraint to an existing
-- table (ALTER TABLE has no ADD CONSTRAINT), and a STRICT table is no exception. Adding one means
-- rebuilding `events` (create events_new, copy, drop, rename). Every projection table has a foreign
-- key to events (seq); `PRAGMA foreign_keys` cannot be switched off inside the migration's
-- transaction, so dropping `events` would either fail or, with legacy_alter_table settings, leave
-- the foreign keys pointing at a renamed table; and the copy would have to run past the
-- append-only triggers, which must be dropped and created again. A BEFORE INSERT trigger gives the
-- same guarantee for every new row without touching the rows already written (those `verify()`
-- checks), and costs one lookup of max(seq) on the primary key per insert.
--
-- Like the other triggers, it stops accidents and casual edits, not a tamperer with the file: one
-- can drop it. `verify()` compares the schema with what the migrations create and reports a
-- dropped, added or changed trigger, index or table.
CREATE TRIGGER events_seq_next BEFORE INSERT ON events
WHEN NEW.seq IS NOT coalesce((SELECT max(seq) FROM events), 0) + 1
BEGIN SELECT RAISE(ABORT, 'events are numbered 1, 2, 3, … without gaps: an event''s seq must be the next number'); END;
