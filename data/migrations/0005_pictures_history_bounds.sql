-- Schema 5: pictures are kept once, by content, in their own table; persona rows and history
-- entries refer to them by hash. Before this a persona's photo was in its row, and every edit of
-- the persona copied it twice (before and after) into history as base64.
CREATE TABLE pictures (
    id    INTEGER PRIMARY KEY,
    hash  TEXT NOT NULL UNIQUE, -- SHA-256 of the bytes, lower-case hex
    bytes BLOB NOT NULL
);

ALTER TABLE personas ADD COLUMN photo_hash TEXT REFERENCES pictures(hash);
CREATE INDEX personas_by_photo ON personas(photo_hash);

-- The pictures a history entry's row images name: a picture stays while a persona or a history
-- entry needs it, and goes when the last of them does.
CREATE TABLE history_pictures (
    history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
    hash       TEXT    NOT NULL REFERENCES pictures(hash),
    PRIMARY KEY (history_id, hash)
) WITHOUT ROWID;
CREATE INDEX history_pictures_by_hash ON history_pictures(hash);

-- History is bounded by age too.
CREATE INDEX history_by_age ON history(map_id, at);

-- The photos move into pictures, and the history's images of personas are rewritten to name
-- them, by Go code that runs after this (migrate.go, migrationHooks); it then drops
-- personas.photo.
