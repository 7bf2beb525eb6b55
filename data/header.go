package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// fileHeader is what a workspace's first page says about it, read without SQLite so that a file
// can be judged before anything could write to it (SQLite checkpoints a write-ahead log into the
// file when its last connection closes, and may switch a file's journal mode).
type fileHeader struct {
	pageSize     int64
	pages        int64  // the database size in pages, as the header says
	counter      uint32 // file change counter
	validFor     uint32 // the change counter the page count is valid for
	schemaCookie uint32 // 0 while the file has never held a table
	userVersion  int32  // PRAGMA user_version: the workspace's format
	appID        uint32 // PRAGMA application_id
	walMode      bool   // the file is in write-ahead-log mode (header bytes 18 and 19 are 2)
	fromWAL      bool   // page 1 was read from the committed frames of the -wal beside the file
}

// empty reports whether the header is that of a database that has never held anything: no
// tables, no format, no owner. Such a file may be made into a workspace.
func (h *fileHeader) empty() bool {
	return h.schemaCookie == 0 && h.userVersion == 0 && h.appID == 0
}

const sqliteMagic = "SQLite format 3\x00"

// readHeader reads the SQLite header of the file at path, as the latest transaction committed
// in its -wal (when one is beside it) left it. Nothing is written.
func readHeader(path string) (*fileHeader, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is named once, here
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var page1 [100]byte
	if _, err := io.ReadFull(f, page1[:]); err != nil || string(page1[:16]) != sqliteMagic {
		return nil, fmt.Errorf("open %s: %w (it is not an SQLite database)", path, ErrNotJourney)
	}
	h := parseHeader(page1[:])
	if h.pageSize == 0 {
		return nil, fmt.Errorf("open %s: %w: bad page size in the header", path, ErrCorrupt)
	}
	if latest, err := walPage1(path + "-wal"); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	} else if latest != nil {
		if string(latest[:16]) != sqliteMagic {
			return nil, fmt.Errorf("open %s: %w: its write-ahead log holds a first page that is not SQLite's", path, ErrCorrupt)
		}
		w := parseHeader(latest)
		if w.pageSize == 0 {
			return nil, fmt.Errorf("open %s: %w: bad page size in the header in its write-ahead log", path, ErrCorrupt)
		}
		w.fromWAL = true
		h = w
	}
	return h, nil
}

func parseHeader(b []byte) *fileHeader {
	be := binary.BigEndian
	h := &fileHeader{
		pageSize:     int64(be.Uint16(b[16:18])),
		counter:      be.Uint32(b[24:28]),
		pages:        int64(be.Uint32(b[28:32])),
		schemaCookie: be.Uint32(b[40:44]),
		userVersion:  int32(be.Uint32(b[60:64])),
		appID:        be.Uint32(b[68:72]),
		validFor:     be.Uint32(b[92:96]),
		walMode:      b[18] == 2 && b[19] == 2,
	}
	if h.pageSize == 1 {
		h.pageSize = 65536
	}
	if h.pageSize < 512 || h.pageSize&(h.pageSize-1) != 0 {
		h.pageSize = 0
	}
	return h
}

// walPage1 returns the first page of the database as the last transaction committed in the
// write-ahead log at walPath left it, or nil when the log is absent, empty, reset, or holds no
// committed copy of page 1. Frames are trusted only while their salts and running checksums
// are right, as SQLite's own recovery does.
func walPage1(walPath string) ([]byte, error) {
	f, err := os.Open(walPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var hdr [32]byte
	if _, err := io.ReadFull(f, hdr[:]); err != nil {
		return nil, nil // shorter than a header: SQLite ignores it too
	}
	magic := binary.BigEndian.Uint32(hdr[0:4])
	if magic&^1 != 0x377f0682 {
		return nil, nil
	}
	var order binary.ByteOrder = binary.LittleEndian
	if magic&1 == 1 {
		order = binary.BigEndian
	}
	pageSize := int64(binary.BigEndian.Uint32(hdr[8:12]))
	if pageSize < 512 || pageSize > 65536 || pageSize&(pageSize-1) != 0 {
		return nil, nil
	}
	s0, s1 := walChecksum(order, hdr[:24], 0, 0)
	if s0 != binary.BigEndian.Uint32(hdr[24:28]) || s1 != binary.BigEndian.Uint32(hdr[28:32]) {
		return nil, nil
	}
	salt := hdr[16:24]
	frame := make([]byte, 24+pageSize)
	var page1, committed []byte
	for {
		if _, err := io.ReadFull(f, frame); err != nil {
			break // the end of the log, or a frame cut short: nothing after it counts
		}
		if string(frame[8:16]) != string(salt) {
			break
		}
		s0, s1 = walChecksum(order, frame[:8], s0, s1)
		s0, s1 = walChecksum(order, frame[24:], s0, s1)
		if s0 != binary.BigEndian.Uint32(frame[16:20]) || s1 != binary.BigEndian.Uint32(frame[20:24]) {
			break
		}
		if binary.BigEndian.Uint32(frame[0:4]) == 1 {
			page1 = append(page1[:0], frame[24:24+100]...)
		}
		if binary.BigEndian.Uint32(frame[4:8]) != 0 && page1 != nil { // a commit
			committed = append(committed[:0], page1...)
		}
	}
	if committed == nil {
		return nil, nil
	}
	return committed, nil
}

// walChecksum is SQLite's running checksum of a write-ahead log over b (a multiple of 8 bytes).
func walChecksum(order binary.ByteOrder, b []byte, s0, s1 uint32) (uint32, uint32) {
	for i := 0; i+8 <= len(b); i += 8 {
		s0 += order.Uint32(b[i:]) + s1
		s1 += order.Uint32(b[i+4:]) + s0
	}
	return s0, s1
}
