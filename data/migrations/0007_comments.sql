-- Schema 7: comment threads on a map, a stage or a card. A thread's first comment (no parent)
-- holds whether the thread is resolved; its replies name it as parent. Comments are rows like
-- cards, so adding, resolving and deleting them is recorded in the history and undoable.
-- parent_id and target_id name rows without foreign keys: history restores rows one by one.
CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    map_id      INTEGER NOT NULL REFERENCES maps(id) ON DELETE CASCADE,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('map','stage','card')),
    target_id   INTEGER NOT NULL,
    parent_id   INTEGER NOT NULL DEFAULT 0,
    author      TEXT NOT NULL DEFAULT '',
    text        TEXT NOT NULL,
    created     TEXT NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comments_by_map ON comments(map_id, id);
CREATE INDEX comments_by_target ON comments(target_kind, target_id);

-- Who has which map open, so that each window can show the others by name: one row per
-- window, written every few seconds while it is open and removed when it closes. A row not
-- written for PresenceTimeout is someone who left without closing; it is ignored and cleared.
-- Presence is not an edit: it has no history.
CREATE TABLE presence (
    session TEXT PRIMARY KEY,
    author  TEXT NOT NULL DEFAULT '',
    map_id  INTEGER NOT NULL DEFAULT 0,
    seen    TEXT NOT NULL
);
