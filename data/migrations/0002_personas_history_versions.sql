-- Schema 2: workspace personas, the emotion-curve mode, the undo history that survives a
-- restart, named versions of maps, and per-workspace settings (last map, zoom).
CREATE TABLE personas (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    name            TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    photo           BLOB,
    demographics    TEXT NOT NULL DEFAULT '',
    day_in_life     TEXT NOT NULL DEFAULT '',
    goals           TEXT NOT NULL DEFAULT '',
    challenges      TEXT NOT NULL DEFAULT '',
    excites         TEXT NOT NULL DEFAULT '',
    frustrates      TEXT NOT NULL DEFAULT '',
    channels        TEXT NOT NULL DEFAULT '',
    buying_triggers TEXT NOT NULL DEFAULT '',
    problems_solved TEXT NOT NULL DEFAULT '',
    info_needs      TEXT NOT NULL DEFAULT ''
);

ALTER TABLE maps ADD COLUMN persona_id INTEGER REFERENCES personas(id);
ALTER TABLE maps ADD COLUMN curve TEXT NOT NULL DEFAULT 'cards';

-- One row per user edit. changes holds the before and after image of every row it touched.
-- map_id is the edit's scope (0 for workspace-wide edits such as personas); no foreign key, so
-- the history of a deleted map stays and its deletion can be undone.
CREATE TABLE history (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id  INTEGER NOT NULL,
    label   TEXT    NOT NULL,
    changes BLOB    NOT NULL,
    undone  INTEGER NOT NULL DEFAULT 0,
    at      TEXT    NOT NULL
);
CREATE INDEX history_by_map ON history(map_id, undone, id);

CREATE TABLE versions (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id   INTEGER NOT NULL,
    label    TEXT    NOT NULL,
    created  TEXT    NOT NULL,
    snapshot BLOB    NOT NULL
);
CREATE INDEX versions_by_map ON versions(map_id, id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
