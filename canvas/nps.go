package canvas

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// npsFields are the card metric's fields the NPS helper fills in.
type npsFields struct {
	name, value, unit *field
	up                *widget.Check
}

// fillNPS reads the three counts, computes the Net Promoter Score (−100…100) and writes it
// into the metric fields, named "NPS", higher is better; the card is saved with it at once.
func (n npsFields) fillNPS(promoters, passives, detractors string) error {
	var c [3]int
	for i, s := range []string{promoters, passives, detractors} {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return &data.FieldError{Field: []string{lang.L("promoters"), lang.L("passives"), lang.L("detractors")}[i], Msg: lang.L("must be a whole number")}
		}
		c[i] = v
	}
	score, err := data.NPS(c[0], c[1], c[2])
	if err != nil {
		return err
	}
	n.name.SetText("NPS")
	n.value.SetText(strconv.Itoa(score))
	n.unit.SetText("")
	n.up.SetChecked(true)
	return nil
}

// npsDialog asks for the counts of promoters (9–10), passives (7–8) and detractors (0–6).
func (u *ui) npsDialog(n npsFields) {
	p, pa, d := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	dialog.ShowForm(lang.L("Net Promoter Score"), lang.L("Use"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Promoters (9–10)"), p),
		widget.NewFormItem(lang.L("Passives (7–8)"), pa),
		widget.NewFormItem(lang.L("Detractors (0–6)"), d),
	}, func(ok bool) {
		if ok {
			if err := n.fillNPS(p.Text, pa.Text, d.Text); err != nil {
				u.showError(err)
				return
			}
			u.insp.commit()
		}
	}, u.win)
}
