package canvas

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"journeycanvas/data"
)

// typingPause is how long after the last keystroke a field saves what was typed.
const typingPause = 600 * time.Millisecond

// field is a text entry of the inspector that saves as the user goes: after a pause in
// typing, on Enter (one-line fields) and when it loses focus. Everything typed during one
// visit of the field is one undoable edit (the store's edit group).
type field struct {
	widget.Entry
	in *inspector
	// name is the store's name of the field ("card title"): a refusal naming it is shown at
	// the field.
	name  string
	label string // its label in the form (for messages)
	dirty bool   // typed since the last save
	// enterSaves is set on a wrapped field that holds one line unless the user breaks it (a
	// card's title): Enter saves and leaves it, Shift+Enter breaks the line, as on the board.
	enterSaves bool
	wrap       wrapTyping // a multi-line field wraps words
	// check returns why the text cannot be saved, or nil; the file keeps the last valid value.
	check func(string) error
}

// text makes a field of the form being built.
func (in *inspector) text(name, value string, multi bool) *field {
	f := &field{in: in, name: name}
	f.MultiLine = multi
	if multi {
		f.Wrapping = fyne.TextWrapWord
		f.SetMinRowsVisible(3)
	}
	f.ExtendBaseWidget(f)
	f.SetText(value)
	f.OnChanged = func(string) { in.typed(f) }
	if !multi {
		f.OnSubmitted = func(string) { in.commit() }
	}
	if in.readOnly {
		f.Disable()
	}
	in.texts = append(in.texts, f)
	return f
}

// validated gives the field a check: the reason is shown at the field while the text is
// not valid (and then nothing of this field is saved).
func (f *field) validated(check func(string) error) *field {
	f.check = check
	// The entry's own Validator would tick every valid field; the mark is set by hand instead.
	f.AlwaysShowValidationError = true
	return f
}

// AcceptsTab is false for every field of the form, multi-line ones too: Tab moves to the next
// field, as in any form, instead of writing a tab into the notes.
func (f *field) AcceptsTab() bool { return false }

// TypedRune types r where the cursor is (wrapTyping).
func (f *field) TypedRune(r rune) { f.wrap.typeRune(&f.Entry, r) }

// TypedKey saves and leaves a field that enterSaves on Enter; Shift+Enter breaks its line.
func (f *field) TypedKey(k *fyne.KeyEvent) {
	if f.wrap.typeKey(&f.Entry, k) {
		return
	}
	if f.enterSaves && (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && keyModifiers()&fyne.KeyModifierShift == 0 {
		f.in.commit()
		if c := fyne.CurrentApp().Driver().CanvasForObject(f); c != nil {
			c.Unfocus()
		}
		return
	}
	f.Entry.TypedKey(k)
}

// problem is why the field's text cannot be saved, or nil.
func (f *field) problem() error {
	if f.check == nil {
		return nil
	}
	return f.check(f.Text)
}

// valid reports whether the field's text can be saved.
func (f *field) valid() bool { return f.check == nil || f.check(f.Text) == nil }

// FocusGained starts a visit: what is typed until the field is left is one undo step.
func (f *field) FocusGained() {
	f.Entry.FocusGained()
	f.in.visit(f)
}

// FocusLost saves what was typed.
func (f *field) FocusLost() {
	f.Entry.FocusLost()
	f.in.commit()
	f.in.group = ""
	f.in.visiting = nil
	if f.in.stale { // others changed the map while this field was typed in: catch up now
		f.in.stale = false
		f.in.refresh()
	}
}

// visit names a new edit group for the field now entered (a field told again that it has
// the focus it already had stays in its group).
func (in *inspector) visit(f *field) {
	if in.visiting == f && in.group != "" {
		return
	}
	in.visiting = f
	in.visits++
	in.group = fmt.Sprintf("%s/%s/%d", in.target, f.name, in.visits)
}

// typed notes a keystroke: the field is saved after a pause in typing.
func (in *inspector) typed(f *field) {
	if in.building {
		return
	}
	f.dirty = true
	in.dirty = true
	if f.check != nil {
		err := f.check(f.Text)
		f.SetValidationError(err)
		in.explain(f, err)
	}
	if in.group == "" {
		in.visits++
		in.group = fmt.Sprintf("%s/%s/%d", in.target, f.name, in.visits)
	}
	if in.timer != nil {
		in.timer.Stop()
	}
	gen := in.gen
	in.typedSeq++
	seq := in.typedSeq
	in.timer = time.AfterFunc(typingPause, func() {
		fyne.Do(func() {
			if in.gen == gen && in.typedSeq == seq { // nothing typed since
				in.commit()
			}
		})
	})
}

// explain says under the form why a field's text cannot be saved (the mark at the field alone
// does not say it), and clears that once the field is right again.
func (in *inspector) explain(f *field, err error) {
	label := f.label
	if label == "" {
		label = f.PlaceHolder
	}
	switch {
	case err != nil:
		in.setMessage(fmt.Sprintf(lang.L("%s: %s — the file keeps the last valid value"), label, err))
		in.explained = f
	case in.explained == f:
		in.setMessage("")
		in.explained = nil
	}
}

// chose saves a choice (a list, a check box, a swatch) at once, as an edit of its own.
func (in *inspector) chose() {
	if in.building {
		return
	}
	in.commit() // what was typed before is its own step
	in.dirty = true
	in.group = ""
	in.commit()
}

// commit saves the form now if anything changed in it.
func (in *inspector) commit() {
	if in.timer != nil {
		in.timer.Stop()
	}
	if !in.dirty || in.save == nil || in.saving {
		return
	}
	if in.u.offline != nil {
		return // kept as typed, and saved when the server is back (offline.go)
	}
	in.dirty = false
	st := in.u.st
	outer := st.EditGroup() // an edit under way (a paste, a new card) keeps its own group
	st.SetEditGroup(in.group)
	in.saving = true
	in.unsaved = false
	in.save()
	in.saving = false
	st.SetEditGroup(outer)
	if in.unsaved {
		in.dirty = true // the server went out of reach: the text stays to be saved later
		return
	}
	for _, f := range in.texts {
		f.dirty = false
	}
	in.saves++
}

// write runs the form's edit. A refusal naming one of the form's fields is shown at that
// field; any other is shown in the inspector's own message line, never in a dialog that
// would take the user's hands off the form.
func (in *inspector) write(fn func() error) error {
	return in.report(in.u.applyQuiet(fn))
}

// writeCard is write for an edit of the card with the given id: only that card is read back.
func (in *inspector) writeCard(id int64, fn func() error) error {
	return in.report(in.u.applyCardQuiet(id, fn))
}

// report shows the outcome of a save at the fields.
func (in *inspector) report(err error) error {
	for _, f := range in.texts {
		if f.check == nil && f.AlwaysShowValidationError {
			f.SetValidationError(nil) // a refusal shown earlier is answered
		}
	}
	if in.explained == nil || in.explained.problem() == nil {
		in.setMessage("") // a field still refused keeps its explanation
		in.explained = nil
	}
	if err == nil {
		return nil
	}
	var fe *data.FieldError
	if errors.As(err, &fe) {
		for _, f := range in.texts {
			if f.name == fe.Field {
				f.AlwaysShowValidationError = true
				f.SetValidationError(fmt.Errorf("%s", fe.Msg))
				in.setMessage(fieldMessage(fe))
				return err
			}
		}
		in.setMessage(fieldMessage(fe))
		return err
	}
	if errors.Is(err, data.ErrReadOnly) {
		in.setMessage(err.Error())
		return err
	}
	if errors.Is(err, data.ErrUnreachable) {
		in.unsaved = true // applyQuiet told the user
		return err
	}
	in.u.showError(err)
	return err
}

func fieldMessage(fe *data.FieldError) string { return fe.Error() }
