package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// pictureHash names a picture by its content.
func pictureHash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// hasPicture reports whether the workspace already keeps the picture with this hash.
func hasPicture(q querier, hash string) (bool, error) {
	var n int
	err := q.QueryRow(`SELECT count(*) FROM pictures WHERE hash=?`, hash).Scan(&n)
	return n > 0, err
}

// storePicture keeps b once in the pictures table and returns its hash.
func storePicture(q querier, b []byte) (string, error) {
	return storeHashed(q, b, pictureHash(b))
}

// storeHashed is storePicture for a picture whose hash is known.
func storeHashed(q querier, b []byte, hash string) (string, error) {
	have, err := hasPicture(q, hash)
	if err != nil {
		return "", fmt.Errorf("read pictures: %w", err)
	}
	if !have {
		if _, err := q.Exec(`INSERT INTO pictures(hash,bytes) VALUES(?,?)`, hash, b); err != nil {
			return "", fmt.Errorf("write picture: %w", err)
		}
	}
	return hash, nil
}

// checkPhoto checks a persona's photo unless the workspace already keeps that very picture (it
// was checked when it came in: saving a persona again does not decode its photo again), and
// notes its hash for putRow.
func (t *tx) checkPhoto(p *Persona) error {
	p.photoHash = ""
	if len(p.Photo) == 0 {
		return nil
	}
	hash := pictureHash(p.Photo)
	have, err := hasPicture(t.q, hash)
	if err != nil {
		return err
	}
	if !have {
		if err := CheckPhoto(p.Photo); err != nil {
			return err
		}
	}
	p.photoHash = hash
	return nil
}

// dropUnusedPictures deletes the pictures no persona and no history entry names.
func dropUnusedPictures(q querier) error {
	_, err := q.Exec(`DELETE FROM pictures WHERE
		NOT EXISTS (SELECT 1 FROM personas WHERE photo_hash=pictures.hash) AND
		NOT EXISTS (SELECT 1 FROM history_pictures WHERE hash=pictures.hash)`)
	return err
}

// migrationHooks run after a migration's SQL, in its transaction, keyed by the migration's
// index (the version it starts from).
var migrationHooks = map[int]func(q querier) error{
	4: movePhotosToPictures,
}

// movePhotosToPictures (format 4 → 5) moves every persona photo into the pictures table,
// rewrites the history's images of personas to name their photo by hash, and drops the old
// column.
func movePhotosToPictures(q querier) error {
	type photo struct {
		id    int64
		bytes []byte
	}
	rows, err := q.Query(`SELECT id, photo FROM personas WHERE photo IS NOT NULL AND length(photo) > 0`)
	if err != nil {
		return err
	}
	var photos []photo
	for rows.Next() {
		var p photo
		if err := rows.Scan(&p.id, &p.bytes); err != nil {
			rows.Close()
			return err
		}
		photos = append(photos, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, p := range photos {
		hash, err := storePicture(q, p.bytes)
		if err != nil {
			return err
		}
		if _, err := q.Exec(`UPDATE personas SET photo_hash=? WHERE id=?`, hash, p.id); err != nil {
			return err
		}
	}
	// History entries that touched a persona.
	type entry struct {
		id      int64
		changes []byte
	}
	rows, err = q.Query(`SELECT id, changes FROM history`)
	if err != nil {
		return err
	}
	var entries []entry
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.id, &e.changes); err != nil {
			rows.Close()
			return err
		}
		if bytes.Contains(e.changes, []byte(`"k":"persona"`)) { // in Go: the same on both dialects
			entries = append(entries, e)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, e := range entries {
		var changes []change
		if err := json.Unmarshal(e.changes, &changes); err != nil {
			continue // a damaged entry stays as it is; undoing it says so
		}
		hashes := map[string]bool{}
		for i := range changes {
			if changes[i].Kind != "persona" {
				continue
			}
			for _, img := range []*json.RawMessage{&changes[i].Before, &changes[i].After} {
				if len(*img) == 0 {
					continue
				}
				r, err := decodeRow("persona", *img)
				if err != nil {
					continue
				}
				p := r.(*Persona)
				if len(p.Photo) > 0 {
					if p.photoHash, err = storePicture(q, p.Photo); err != nil {
						return err
					}
				}
				if p.photoHash != "" {
					hashes[p.photoHash] = true
				}
				*img = encodeRow(p)
			}
		}
		if _, err := q.Exec(`UPDATE history SET changes=? WHERE id=?`, mustJSON(changes), e.id); err != nil {
			return err
		}
		for h := range hashes {
			if _, err := q.Exec(`INSERT OR IGNORE INTO history_pictures(history_id,hash) VALUES(?,?)`, e.id, h); err != nil {
				return err
			}
		}
	}
	if _, err := q.Exec(`ALTER TABLE personas DROP COLUMN photo`); err != nil {
		return err
	}
	return nil
}
