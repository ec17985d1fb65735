// Package mail sends the tracker's notifications by e-mail over SMTP
// (net/smtp), from a small in-process queue: a request hands a notice over
// and goes on; one worker sends, retries a few times and logs what it could
// not send. A mail that fails never fails the request that caused it.
package mail

import (
	"context"
	"fmt"
	"log/slog"
	"mime"
	"net"
	"net/smtp"
	"strings"
	"sync"
	"time"

	"github.com/intern-tracker/tracker/pkg/tracker"
)

// Config is where and as whom to send.
type Config struct {
	Addr     string // host:port of the SMTP server
	From     string // the sender's address
	Username string // PLAIN auth when set; net/smtp sends it only over TLS or to localhost
	Password string
	BaseURL  string // the tracker's public URL, for the links in messages
	// Retries is how many times a failed send is tried again (default 3),
	// Backoff the wait before the first retry, doubled each time
	// (default 2s).
	Retries int
	Backoff time.Duration
}

// queueSize bounds the notices waiting; beyond it new ones are dropped and
// logged rather than block a request.
const queueSize = 512

// Queue sends notices one at a time in the background.
type Queue struct {
	cfg  Config
	log  *slog.Logger
	in   chan tracker.Notice
	done chan struct{}
	once sync.Once
	stop context.CancelFunc
	ctx  context.Context
}

// NewQueue starts the worker of a queue sending through cfg.
func NewQueue(cfg Config, log *slog.Logger) *Queue {
	if cfg.Retries == 0 {
		cfg.Retries = 3
	}
	if cfg.Backoff == 0 {
		cfg.Backoff = 2 * time.Second
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	ctx, stop := context.WithCancel(context.Background())
	q := &Queue{cfg: cfg, log: log, in: make(chan tracker.Notice, queueSize), done: make(chan struct{}), stop: stop, ctx: ctx}
	go q.run()
	return q
}

// Enqueue hands n over without blocking.
func (q *Queue) Enqueue(n tracker.Notice) {
	select {
	case q.in <- n:
	default:
		q.log.Warn("mail queue full; notification not e-mailed", slog.Int64("notification_id", n.ID))
	}
}

// Close stops taking notices, sends those queued (giving up retries once
// ctx ends) and waits for the worker.
func (q *Queue) Close(ctx context.Context) {
	q.once.Do(func() { close(q.in) })
	select {
	case <-q.done:
	case <-ctx.Done():
		q.stop()
		<-q.done
	}
}

func (q *Queue) run() {
	defer close(q.done)
	for n := range q.in {
		q.deliver(n)
	}
}

// deliver sends one notice, retrying with a doubling wait.
func (q *Queue) deliver(n tracker.Notice) {
	msg := Compose(q.cfg.From, q.cfg.BaseURL, n)
	wait := q.cfg.Backoff
	var err error
	for try := 0; try <= q.cfg.Retries; try++ {
		if try > 0 {
			select {
			case <-time.After(wait):
			case <-q.ctx.Done():
				try = q.cfg.Retries
			}
			wait *= 2
		}
		if err = q.send(n.To, msg); err == nil {
			return
		}
	}
	q.log.Error("could not e-mail a notification", slog.Int64("notification_id", n.ID), slog.String("error", err.Error()))
}

func (q *Queue) send(to string, msg []byte) error {
	var a smtp.Auth
	if q.cfg.Username != "" {
		host, _, _ := net.SplitHostPort(q.cfg.Addr)
		a = smtp.PlainAuth("", q.cfg.Username, q.cfg.Password, host)
	}
	return smtp.SendMail(q.cfg.Addr, a, q.cfg.From, []string{to}, msg)
}

// texts are the subject line of each kind, by locale; %s is the subject
// (a task's title or an intern's name).
var texts = map[string]map[string]string{
	"en": {
		tracker.NotifyAssigned:        "Task assigned to you: %s",
		tracker.NotifyFeedback:        "Feedback on your task: %s",
		tracker.NotifyReviewRequested: "Review requested: %s",
		tracker.NotifyEvaluationDue:   "Evaluation due within a week: %s",
		tracker.NotifyPlacementEnding: "Placement ending within two weeks: %s",
		"greeting":                    "Hello %s,",
		"open":                        "Open it in the Intern Tracker:",
		"footer":                      "You receive this because of your notifications in the Intern Tracker.",
	},
	"fr": {
		tracker.NotifyAssigned:        "Tâche qui vous est confiée : %s",
		tracker.NotifyFeedback:        "Retour sur votre tâche : %s",
		tracker.NotifyReviewRequested: "Relecture demandée : %s",
		tracker.NotifyEvaluationDue:   "Évaluation à faire d'ici une semaine : %s",
		tracker.NotifyPlacementEnding: "Stage se terminant d'ici deux semaines : %s",
		"greeting":                    "Bonjour %s,",
		"open":                        "Pour l'ouvrir dans l'Intern Tracker :",
		"footer":                      "Vous recevez ce message en raison de vos notifications dans l'Intern Tracker.",
	},
}

// Link returns the page of the tracker a notification leads to.
func Link(base string, n tracker.Notification) string {
	switch {
	case n.TaskID != nil:
		return fmt.Sprintf("%s/tasks/%d", base, *n.TaskID)
	case n.PlacementID != nil:
		return fmt.Sprintf("%s/placements/%d/timeline", base, *n.PlacementID)
	}
	return base + "/notifications"
}

// Compose writes the message of notice n in its recipient's language.
func Compose(from, base string, n tracker.Notice) []byte {
	t, ok := texts[n.Locale]
	if !ok {
		t = texts["en"]
	}
	subject := fmt.Sprintf(t[n.Kind], oneLine(n.Subject))
	var b strings.Builder
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", from)
	header("To", n.To)
	header("Subject", mime.QEncoding.Encode("utf-8", subject))
	header("Date", time.Now().UTC().Format(time.RFC1123Z))
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=utf-8")
	header("Content-Transfer-Encoding", "8bit")
	b.WriteString("\r\n")
	b.WriteString(fmt.Sprintf(t["greeting"], oneLine(n.Name)) + "\r\n\r\n")
	b.WriteString(subject + "\r\n\r\n")
	b.WriteString(t["open"] + "\r\n" + Link(base, n.Notification) + "\r\n\r\n-- \r\n" + t["footer"] + "\r\n")
	return []byte(b.String())
}

// oneLine keeps user text from adding lines to a header or the body's
// first lines.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
