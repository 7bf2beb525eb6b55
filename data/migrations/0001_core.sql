-- Schema 1: maps with their stages, lanes, cards and links.
-- Children are never removed by cascade: every delete is an explicit, recorded edit.
CREATE TABLE maps (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT    NOT NULL,
    goal        TEXT    NOT NULL DEFAULT '',
    audience    TEXT    NOT NULL DEFAULT '',
    type        TEXT    NOT NULL DEFAULT 'current',
    owner       TEXT    NOT NULL DEFAULT '',
    status      TEXT    NOT NULL DEFAULT 'draft',
    scale_min   INTEGER NOT NULL DEFAULT -2,
    scale_max   INTEGER NOT NULL DEFAULT 2,
    scale_labels TEXT   NOT NULL DEFAULT '[]',
    created     TEXT    NOT NULL,
    updated     TEXT    NOT NULL
);

CREATE TABLE stages (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id      INTEGER NOT NULL REFERENCES maps(id),
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    colour      TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX stages_by_map ON stages(map_id, position);

CREATE TABLE lanes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id      INTEGER NOT NULL REFERENCES maps(id),
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL DEFAULT 'custom'
);
CREATE INDEX lanes_by_map ON lanes(map_id, position);

CREATE TABLE cards (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id      INTEGER NOT NULL REFERENCES maps(id),
    stage_id    INTEGER NOT NULL REFERENCES stages(id),
    lane_id     INTEGER NOT NULL REFERENCES lanes(id),
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    notes       TEXT    NOT NULL DEFAULT '',
    channel     TEXT    NOT NULL DEFAULT '',
    presence    TEXT    NOT NULL DEFAULT '',
    emotion     REAL,
    pain        INTEGER NOT NULL DEFAULT 0,
    opportunity INTEGER NOT NULL DEFAULT 0,
    moment      INTEGER NOT NULL DEFAULT 0,
    evidence    TEXT    NOT NULL DEFAULT '',
    tags        TEXT    NOT NULL DEFAULT '[]',
    colour      TEXT    NOT NULL DEFAULT '',
    metric      TEXT
);
CREATE INDEX cards_by_map ON cards(map_id);
CREATE INDEX cards_by_cell ON cards(stage_id, lane_id, position);
CREATE INDEX cards_by_lane ON cards(lane_id);

CREATE TABLE links (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    map_id      INTEGER NOT NULL REFERENCES maps(id),
    from_id     INTEGER NOT NULL REFERENCES cards(id),
    to_id       INTEGER NOT NULL REFERENCES cards(id),
    label       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX links_by_map ON links(map_id);
CREATE INDEX links_by_from ON links(from_id);
CREATE INDEX links_by_to ON links(to_id);
