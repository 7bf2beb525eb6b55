-- Schema 8: a map's own notes: free text about the map, such as what a file it was imported
-- from carried that has no other home (fields of another tool's format).
ALTER TABLE maps ADD COLUMN notes TEXT NOT NULL DEFAULT '';
