package canvas

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// historyShown is how many of a map's latest edits Edit › History… lists.
const historyShown = 500

// historyDialog lists the map's latest edits, newest first: what was done, by whom and when,
// undone ones marked (Edit › History…). "Only yours" keeps the edits Undo would take back.
func (u *ui) historyDialog() {
	u.flush()
	if u.m == nil {
		return
	}
	all, err := u.st.History(u.mapID, historyShown)
	if err != nil {
		u.showError(err)
		return
	}
	shown := all
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject {
			who := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
			what := widget.NewLabel("")
			what.Truncation = fyne.TextTruncateEllipsis // the author keeps its room
			return container.NewBorder(nil, nil, nil, who, what)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(shown) {
				return
			}
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(historyLine(shown[i]))
			row.Objects[1].(*widget.Label).SetText(authorName(shown[i].Author))
		})
	// A click on an edit shows, on the board, the card or stage it changed (if it is still there).
	list.OnSelected = func(i widget.ListItemID) {
		if i >= len(shown) || u.m == nil {
			return
		}
		switch e := shown[i]; {
		case e.Kind == "card" && u.m.Card(e.Thing) != nil:
			u.board.revealThing(selCard, e.Thing)
		case e.Kind == "stage" && u.m.Stage(e.Thing) != nil:
			u.board.revealThing(selStage, e.Thing)
		case e.Kind == "lane" && u.m.Lane(e.Thing) != nil:
			u.board.revealThing(selLane, e.Thing)
		}
	}
	mine := widget.NewCheck(lang.L("Only yours"), func(on bool) {
		shown = all
		if on {
			shown = nil
			for _, e := range all {
				if e.Author == u.st.Author() || e.Author == "" {
					shown = append(shown, e)
				}
			}
		}
		list.Refresh()
	})
	var body fyne.CanvasObject = list
	if len(all) == 0 {
		body = widget.NewLabel(lang.L("No edits recorded"))
	}
	d := dialog.NewCustom(fmt.Sprintf(lang.L("History of %s"), u.m.Title), lang.L("Close"),
		container.NewBorder(mine, nil, nil, nil, body), u.win)
	d.Resize(fyne.NewSize(600, 480))
	d.Show()
	u.historyList = list
}

// historyLine is one edit as the history lists it: time, label, and whether it is undone.
func historyLine(e data.Entry) string {
	s := fmtTime(e.At.Local()) + " — " + trLabel(e.Label)
	if e.Name != "" {
		s += ": “" + oneLineOf(e.Name) + "”"
		var fs []string
		for _, f := range e.Fields {
			if w := fieldWord(f); !slices.Contains(fs, w) { // a stage and a lane are one place
				fs = append(fs, w)
			}
		}
		if len(fs) > 0 {
			s += " (" + strings.Join(fs, ", ") + ")"
		}
	}
	if e.Undone {
		s += " (" + lang.L("undone") + ")"
	}
	return s
}

// authorName is an edit's author for the history ("Someone" before edits had authors).
func authorName(a string) string {
	if a == "" {
		return lang.L("Someone")
	}
	return a
}
