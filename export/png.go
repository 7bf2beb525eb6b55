package export

import (
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"math"
)

// encoder is the PNG encoder of every export: BestSpeed compresses a map (large flat areas)
// nearly as well as the default level, several times faster.
var encoder = png.Encoder{CompressionLevel: png.BestSpeed}

// Encode writes img as a PNG to w with a pHYs chunk recording dpi (pixels per inch, rounded
// to whole pixels per metre) so that print and layout programs size it right.
func Encode(w io.Writer, img image.Image, dpi float64) error {
	pw := &physWriter{w: w}
	if dpi > 0 {
		pw.ppm = uint32(math.Round(dpi / 0.0254))
	}
	if err := encoder.Encode(pw, img); err != nil {
		return err
	}
	return pw.err
}

// The PNG signature (8 bytes) and the IHDR chunk (4 length + 4 type + 13 data + 4 CRC) always
// open the stream; pHYs goes right after them, before any IDAT.
const headerLen = 8 + 4 + 4 + 13 + 4

// physWriter passes a PNG stream through and inserts a pHYs chunk after IHDR.
type physWriter struct {
	w    io.Writer
	ppm  uint32 // pixels per metre; 0 writes no chunk
	n    int    // bytes passed so far, up to headerLen
	done bool
	err  error
}

func (p *physWriter) Write(b []byte) (int, error) {
	if p.done || p.ppm == 0 {
		return p.w.Write(b)
	}
	written := 0
	if need := headerLen - p.n; need > 0 {
		k := min(need, len(b))
		n, err := p.w.Write(b[:k])
		p.n += n
		written += n
		if err != nil {
			p.err = err
			return written, err
		}
		b = b[k:]
	}
	if p.n == headerLen {
		p.done = true
		if _, err := p.w.Write(physChunk(p.ppm)); err != nil {
			p.err = err
			return written, err
		}
	}
	if len(b) == 0 {
		return written, nil
	}
	n, err := p.w.Write(b)
	return written + n, err
}

// physChunk returns a whole pHYs chunk: the same resolution on both axes, unit metre.
func physChunk(ppm uint32) []byte {
	c := make([]byte, 4+4+9+4)
	binary.BigEndian.PutUint32(c[0:], 9)
	copy(c[4:], "pHYs")
	binary.BigEndian.PutUint32(c[8:], ppm)
	binary.BigEndian.PutUint32(c[12:], ppm)
	c[16] = 1 // unit: metre
	binary.BigEndian.PutUint32(c[17:], crc32.ChecksumIEEE(c[4:17]))
	return c
}
