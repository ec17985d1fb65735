package mail_test

import (
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/mail"
	"github.com/intern-tracker/tracker/pkg/mail/mailtest"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

func notice(locale string) tracker.Notice {
	task := int64(42)
	return tracker.Notice{To: "ada@example.org", Name: "Ada", Locale: locale,
		Notification: tracker.Notification{ID: 7, Kind: tracker.NotifyAssigned, TaskID: &task, Subject: "EU options\r\nBcc: x@evil.example"}}
}

func TestQueueSendsAndRetries(t *testing.T) {
	srv := mailtest.Start(t)
	srv.FailFirst = 2
	q := mail.NewQueue(mail.Config{Addr: srv.Addr, From: "tracker@example.org", BaseURL: "https://tracker.example/",
		Backoff: 10 * time.Millisecond}, slog.New(slog.DiscardHandler))
	q.Enqueue(notice("fr"))
	msgs := srv.Wait(1, 5*time.Second)
	q.Close(context.Background())
	if len(msgs) != 1 {
		t.Fatalf("%d messages after two temporary failures, want 1", len(msgs))
	}
	m := msgs[0]
	if len(m.To) != 1 || m.To[0] != "ada@example.org" || m.From != "tracker@example.org" {
		t.Fatalf("envelope %v -> %v", m.From, m.To)
	}
	if !strings.Contains(m.Data, "https://tracker.example/tasks/42") || !strings.Contains(m.Data, "Bonjour Ada") {
		t.Fatalf("body lacks the link or the French greeting:\n%s", m.Data)
	}
	if strings.Contains(m.Data, "\r\nBcc:") {
		t.Fatalf("a title added a header:\n%s", m.Data)
	}
}

func TestQueueGivesUp(t *testing.T) {
	srv := mailtest.Start(t)
	srv.FailFirst = 10
	var logs strings.Builder
	q := mail.NewQueue(mail.Config{Addr: srv.Addr, From: "tracker@example.org", BaseURL: "http://x", Retries: 2,
		Backoff: time.Millisecond}, slog.New(slog.NewTextHandler(&logs, nil)))
	q.Enqueue(notice("en"))
	q.Close(context.Background())
	if n := len(srv.Messages()); n != 0 || srv.FailFirst != 7 {
		t.Fatalf("%d delivered, %d failures left; want 0 and 7 (three tries)", n, srv.FailFirst)
	}
	if !strings.Contains(logs.String(), "could not e-mail") {
		t.Fatalf("failure not logged: %s", logs.String())
	}
}

func TestCompose(t *testing.T) {
	for locale, want := range map[string]string{"en": "Task assigned to you", "fr": "Tâche qui vous est confiée", "de": "Task assigned to you"} {
		msg := string(mail.Compose("t@example.org", "http://h", notice(locale)))
		if !strings.Contains(msg, want) || !strings.Contains(msg, "http://h/tasks/42") {
			t.Errorf("%s: %s", locale, msg)
		}
	}
}
