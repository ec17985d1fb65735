package seed

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// Bar returns a ScaleOptions.Progress that draws a one-line progress bar
// on w (a terminal's standard error), redrawn at most ten times a second
// and once more, with a newline, when all is written.
func Bar(w io.Writer) func(stage string, done, total int) {
	const width = 30
	var last time.Time
	finished := false
	return func(stage string, done, total int) {
		if finished || total <= 0 {
			return
		}
		end := done >= total
		if !end && time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		filled := width * done / total
		fmt.Fprintf(w, "\r[%s%s] %3d%%  %-14s %d/%d rows", strings.Repeat("#", filled), strings.Repeat(".", width-filled),
			100*done/total, stage, done, total)
		if end {
			finished = true
			fmt.Fprintln(w)
		}
	}
}
