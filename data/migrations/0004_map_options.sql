-- Schema 4: per-map drawing options. lang is the language of the words drawn on the map ('vi'
-- or 'en'; '' means detect it from the map's text); note_lines is how many first lines of a
-- card's notes its face shows (0..3).
ALTER TABLE maps ADD COLUMN lang TEXT NOT NULL DEFAULT '';
ALTER TABLE maps ADD COLUMN note_lines INTEGER NOT NULL DEFAULT 0;
