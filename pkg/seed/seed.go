// Package seed fills a database with data: a believable demo division for
// trying the tracker, and (later) large synthetic histories for benchmarks.
package seed

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/intern-tracker/tracker/pkg/auth"
	"github.com/intern-tracker/tracker/pkg/store"
	"github.com/intern-tracker/tracker/pkg/tracker"
)

// DemoPassword is the password of every demo account. It is printed at
// start-up in demo mode; demo data is for trying the tracker, never for real
// use.
const DemoPassword = "demo-tracker-2026"

// Login is a demo account to print.
type Login struct {
	Email string
	Name  string
	Role  tracker.Role
	Note  string
}

// ErrNotEmpty is returned when the database already has users: the demo is
// only ever seeded into an empty database.
var ErrNotEmpty = errors.New("seed: the database already has users; demo data goes only into an empty database")

// person is one demo account.
type person struct {
	key    string
	name   string
	email  string
	role   tracker.Role
	branch string // branch code, "" for none
	note   string
}

// people is the demo division: one admin, one leadership account, four
// supervisors and twelve interns across both branches, and two former
// interns whose placements ended over two years ago.
var people = []person{
	{"admin", "Alex Morgan", "admin@demo.tracker", tracker.RoleAdmin, "", "runs the system"},
	{"head", "Col. Helena Richter", "head@demo.tracker", tracker.RoleLeadership, "", "division head: reads the board"},
	{"sup_cpp1", "Lt Col. Marc Dubois", "m.dubois@demo.tracker", tracker.RoleSupervisor, "CPP", "supervisor, CPP"},
	{"sup_cpp2", "Cdr. Sofia Lindqvist", "s.lindqvist@demo.tracker", tracker.RoleSupervisor, "CPP", "supervisor, CPP"},
	{"sup_mc1", "Maj. Tomasz Nowak", "t.nowak@demo.tracker", tracker.RoleSupervisor, "MC", "supervisor, MC"},
	{"sup_mc2", "Lt Col. Ana Ferreira", "a.ferreira@demo.tracker", tracker.RoleSupervisor, "MC", "supervisor, MC"},
	{"int_cpp1", "Emma Laurent", "e.laurent@demo.tracker", tracker.RoleIntern, "CPP", "intern, CPP, month 5"},
	{"int_cpp2", "Jonas Becker", "j.becker@demo.tracker", tracker.RoleIntern, "CPP", "intern, CPP, month 6, ends soon"},
	{"int_cpp3", "Chiara Romano", "c.romano@demo.tracker", tracker.RoleIntern, "CPP", "intern, CPP, month 3"},
	{"int_cpp4", "Lucas Martin", "l.martin@demo.tracker", tracker.RoleIntern, "CPP", "intern, CPP, month 1"},
	{"int_cpp5", "Ingrid Solberg", "i.solberg@demo.tracker", tracker.RoleIntern, "CPP", "intern, CPP, placement ended"},
	{"int_cpp6", "Nikos Papadopoulos", "n.papadopoulos@demo.tracker", tracker.RoleIntern, "CPP", "intern, CPP, starts next month"},
	{"int_mc1", "Aisha Rahman", "a.rahman@demo.tracker", tracker.RoleIntern, "MC", "intern, MC, month 5"},
	{"int_mc2", "Piotr Zielinski", "p.zielinski@demo.tracker", tracker.RoleIntern, "MC", "intern, MC, month 4"},
	{"int_mc3", "Léa Fontaine", "l.fontaine@demo.tracker", tracker.RoleIntern, "MC", "intern, MC, month 3"},
	{"int_mc4", "Mateo García", "m.garcia@demo.tracker", tracker.RoleIntern, "MC", "intern, MC, month 2"},
	{"int_mc5", "Sara Kovač", "s.kovac@demo.tracker", tracker.RoleIntern, "MC", "intern, MC, month 1"},
	{"int_mc6", "Daniel Okafor", "d.okafor@demo.tracker", tracker.RoleIntern, "MC", "intern, MC, month 2"},
	{"int_former1", "Henrik Aalto", "h.aalto@demo.tracker", tracker.RoleIntern, "CPP", "former intern, CPP, placement ended over two years ago"},
	{"int_former2", "Marta Kowalski", "m.kowalski@demo.tracker", tracker.RoleIntern, "MC", "former intern, MC, placement ended over two years ago"},
}

// DemoLogins lists the demo accounts worth printing.
func DemoLogins() []Login {
	var out []Login
	for _, p := range people {
		out = append(out, Login{Email: p.email, Name: p.name, Role: p.role, Note: p.note})
	}
	return out
}

// Demo seeds the demo division into the empty, migrated database at url.
// It opens its own store whose clock it moves through the past months, so
// that progress logs, comments and the activity trail carry believable
// times; now is the day the demo is seeded for.
func Demo(ctx context.Context, url string, hasher auth.Hasher, now time.Time) error {
	clock := &movingClock{t: now.UTC()}
	st, err := store.Open(ctx, url, store.WithClock(clock.Now))
	if err != nil {
		return err
	}
	defer st.Close()
	_, total, err := st.Users(ctx, &tracker.User{Role: tracker.RoleAdmin}, store.UserFilter{})
	if err != nil {
		return err
	}
	if total > 0 {
		return ErrNotEmpty
	}
	d := &demo{st: st, clock: clock, now: now.UTC(), today: tracker.DateOf(now), users: map[string]*tracker.User{}}
	if err := d.createPeople(ctx, hasher); err != nil {
		return err
	}
	// The work, then what issue 7 adds to it, one step per feature, in
	// the order of their clocks (the trail must stay in time order).
	for _, step := range []func(context.Context) error{d.createWork, d.evaluations, d.objectives, d.personalData,
		d.settleNotifications} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// movingClock is the seed's clock: set to past moments while history is
// written.
type movingClock struct{ t time.Time }

func (c *movingClock) Now() time.Time { return c.t }

// demo carries the state of one demo seeding: the store and its clock,
// the day the demo is seeded for, what was created so far, by key or code,
// and the writes planned for the history.
type demo struct {
	st       *store.Store
	clock    *movingClock
	now      time.Time
	today    tracker.Date
	users    map[string]*tracker.User
	branches map[string]int64
	streams  map[string]int64
	tags     map[string]int64
	windows  map[string]*window
	projects map[string]*plannedProject
	events   []event
}

func (d *demo) createPeople(ctx context.Context, hasher auth.Hasher) error {
	bs, err := d.st.Branches(ctx)
	if err != nil {
		return err
	}
	d.branches = map[string]int64{}
	for _, b := range bs {
		d.branches[b.Code] = b.ID
	}
	hash, err := hasher.Hash(DemoPassword)
	if err != nil {
		return err
	}
	// Accounts exist before the oldest placement of the history.
	d.clock.t = d.now.AddDate(0, -8, 0)
	for _, p := range people {
		in := store.NewUser{Email: p.email, Name: p.name, Role: p.role, PasswordHash: hash, Locale: "en"}
		if p.branch != "" {
			id := d.branches[p.branch]
			in.BranchID = &id
		}
		u, err := d.st.CreateUserUnchecked(ctx, in)
		if err != nil {
			return fmt.Errorf("seed: %s: %w", p.email, err)
		}
		d.users[p.key] = u
	}
	return nil
}

// createWork adds placements, projects, tasks and their history: it plans
// every write with the moment it happens, then replays them in order.
func (d *demo) createWork(ctx context.Context) error {
	if err := d.loadReference(ctx); err != nil {
		return err
	}
	d.planPlacements()
	if err := d.planProjects(); err != nil {
		return err
	}
	if err := d.planTasks(); err != nil {
		return err
	}
	d.planReports()
	if err := d.planChecklists(ctx); err != nil {
		return err
	}
	return d.replay(ctx)
}

// loadReference reads the ids of the streams and tags by code.
func (d *demo) loadReference(ctx context.Context) error {
	ss, err := d.st.Streams(ctx)
	if err != nil {
		return err
	}
	d.streams = map[string]int64{}
	for _, s := range ss {
		d.streams[s.Code] = s.ID
	}
	ts, err := d.st.Tags(ctx, store.TagFilter{})
	if err != nil {
		return err
	}
	d.tags = map[string]int64{}
	for _, t := range ts {
		d.tags[t.Code] = t.ID
	}
	return nil
}
