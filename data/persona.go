package data

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // persona pictures may be JPEG
	_ "image/png"  // or PNG
)

// Persona picture limits.
const (
	MaxPhotoSide = 4000 // pixels, either side
)

// CheckPhoto accepts a persona picture only when it is a PNG or JPEG of at most MaxPhotoBytes
// and MaxPhotoSide × MaxPhotoSide pixels. Only the header is decoded to learn the size, so a
// picture that claims huge dimensions costs nothing to refuse; then the whole image is decoded
// to make sure it is sound.
func CheckPhoto(b []byte) error {
	if len(b) > MaxPhotoBytes {
		return &FieldError{Field: "persona photo", Msg: fmt.Sprintf("is %.1f MB; the limit is %d MB", float64(len(b))/(1<<20), MaxPhotoBytes>>20)}
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return &FieldError{Field: "persona photo", Msg: "is not a PNG or JPEG picture"}
	}
	if format != "png" && format != "jpeg" {
		return &FieldError{Field: "persona photo", Msg: fmt.Sprintf("is a %s picture; use PNG or JPEG", format)}
	}
	if cfg.Width > MaxPhotoSide || cfg.Height > MaxPhotoSide || cfg.Width <= 0 || cfg.Height <= 0 {
		return &FieldError{Field: "persona photo", Msg: fmt.Sprintf("is %d × %d pixels; the limit is %d × %d", cfg.Width, cfg.Height, MaxPhotoSide, MaxPhotoSide)}
	}
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		return &FieldError{Field: "persona photo", Msg: "is damaged: " + err.Error()}
	}
	return nil
}

// NPS is the Net Promoter Score from the counts of promoters (9–10), passives (7–8) and
// detractors (0–6): the percentage of promoters minus the percentage of detractors, −100..100,
// rounded to the nearest whole number.
func NPS(promoters, passives, detractors int) (int, error) {
	if promoters < 0 || passives < 0 || detractors < 0 {
		return 0, &FieldError{Field: "NPS", Msg: "counts cannot be negative"}
	}
	total := promoters + passives + detractors
	if total == 0 {
		return 0, &FieldError{Field: "NPS", Msg: "needs at least one answer"}
	}
	diff := 100 * (promoters - detractors)
	// Round half away from zero, in integers.
	if diff >= 0 {
		return (2*diff + total) / (2 * total), nil
	}
	return -((-2*diff + total) / (2 * total)), nil
}
