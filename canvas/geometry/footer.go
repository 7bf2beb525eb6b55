package geometry

import "journeycanvas/data"

// layoutFooters places each stage's metrics under its column, one line each (wrapped to two
// at most), a dot before it coloured against the target. It returns the bottom of the
// lowest footer (top when no stage has metrics).
func layoutFooters(m *data.Map, l *Layout, lb Labels, top float64) float64 {
	bottom := top
	byID := map[int64]*data.Stage{}
	for i := range m.Stages {
		byID[m.Stages[i].ID] = &m.Stages[i]
	}
	for i := range l.Stages {
		sb := &l.Stages[i]
		st := byID[sb.ID]
		if st == nil || len(st.Metrics) == 0 {
			continue
		}
		const pad, dot = 10.0, 8.0
		y := top + 8
		inner := sb.Header.W - 2*pad
		for k := range st.Metrics {
			mt := &st.Metrics[k]
			ml := MetricLine{Dot: Rect{X: sb.Header.X + pad, Y: y + (SmallLineH-dot)/2, W: dot, H: dot}, State: metricState(mt)}
			lines, _ := Wrap(metricText(mt, lb), inner-dot-5, SmallSize, false, 2)
			for _, t := range lines {
				ml.Lines = append(ml.Lines, line(t, sb.Header.X+pad+dot+5, y, SmallLineH, SmallSize, false))
				y += SmallLineH
			}
			y += 4
			sb.Footer = append(sb.Footer, ml)
		}
		sb.FooterBox = Rect{X: sb.Header.X, Y: top, W: sb.Header.W, H: y + 4 - top}
		bottom = max(bottom, sb.FooterBox.Bottom())
	}
	return bottom
}

// metricState says how a metric stands against its target.
func metricState(mt *data.Metric) MetricState {
	if mt.Target == nil {
		return MetricNoTarget
	}
	good := mt.Value >= *mt.Target
	if !mt.UpIsGood {
		good = mt.Value <= *mt.Target
	}
	if good {
		return MetricOnTarget
	}
	return MetricOffTarget
}
