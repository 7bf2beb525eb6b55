-- Schema 6: every edit records its author (the person's name) and the window it came from, so
-- that undo and redo take back only one's own edits.
ALTER TABLE history ADD COLUMN author TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN window TEXT NOT NULL DEFAULT '';
