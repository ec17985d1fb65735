// Package config reads the tracker's settings from TRACKER_* environment
// variables, applies defaults and validates them. A Config is passed to
// whoever needs it; nothing here is global.
package config

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/netip"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of the tracker.
type Config struct {
	Addr           string         // TRACKER_ADDR
	DatabaseURL    string         // TRACKER_DATABASE_URL: sqlite:PATH or postgres://...
	JWTSecret      []byte         // TRACKER_JWT_SECRET, at least 32 bytes
	Demo           bool           // TRACKER_DEMO=1
	TrustedProxies []netip.Prefix // TRACKER_TRUSTED_PROXIES, comma-separated CIDRs
	CORSOrigins    []string       // TRACKER_CORS_ORIGINS, comma-separated origins
	LogLevel       string         // TRACKER_LOG_LEVEL: debug, info, warn, error
	BodyLimit      int64          // TRACKER_BODY_LIMIT bytes
	MaxActive      int            // TRACKER_MAX_ACTIVE API requests at once; 0: the database's reader pool
	AccessTTL      time.Duration  // TRACKER_ACCESS_TTL, at most 15m
	RefreshTTL     time.Duration  // TRACKER_REFRESH_TTL
	SecureCookies  bool           // TRACKER_SECURE_COOKIES: mark the refresh cookie Secure
	HSTS           bool           // TRACKER_HSTS: send Strict-Transport-Security; defaults to SecureCookies

	// Login throttling: at most LoginMaxAccount failed sign-ins for one
	// e-mail and LoginMaxIP from one client address within LoginWindow.
	LoginWindow     time.Duration // TRACKER_LOGIN_WINDOW
	LoginMaxAccount int           // TRACKER_LOGIN_MAX_ACCOUNT
	LoginMaxIP      int           // TRACKER_LOGIN_MAX_IP

	// E-mail of notifications, when SMTPAddr is set.
	SMTPAddr     string // TRACKER_SMTP_ADDR, host:port
	SMTPFrom     string // TRACKER_SMTP_FROM, the sender's address
	SMTPUsername string // TRACKER_SMTP_USERNAME, PLAIN auth (only over TLS or to localhost)
	SMTPPassword string // TRACKER_SMTP_PASSWORD
	PublicURL    string // TRACKER_PUBLIC_URL, the tracker's address in e-mailed links

	// AnonymiseAfterMonths is how long after a person's last placement
	// ended an admin may anonymise them.
	AnonymiseAfterMonths int // TRACKER_ANONYMISE_AFTER_MONTHS
}

// Defaults of design.md's table.
const (
	DefaultAddr        = "127.0.0.1:8080"
	DefaultDatabaseURL = "sqlite:data/tracker.db"
	MinSecretBytes     = 32

	// DefaultLoginWindow, DefaultLoginMaxAccount and DefaultLoginMaxIP
	// allow 5 failed sign-ins per account and 20 per client address in 15
	// minutes: enough for a person who mistypes, far too few for guessing
	// (about 480 guesses a day per account), and an office behind one
	// address still has room.
	DefaultLoginWindow     = 15 * time.Minute
	DefaultLoginMaxAccount = 5
	DefaultLoginMaxIP      = 20

	// DefaultAnonymiseAfterMonths keeps a former intern's record two years
	// after their last placement ended: long enough for references and
	// audits, then their name may go.
	DefaultAnonymiseAfterMonths = 24
)

// Load reads the configuration through getenv (os.Getenv in production,
// a map in tests) and applies defaults. It does not validate: call Validate
// once the secret is settled.
func Load(getenv func(string) string) (Config, error) {
	c := Config{
		Addr:        or(getenv("TRACKER_ADDR"), DefaultAddr),
		DatabaseURL: or(getenv("TRACKER_DATABASE_URL"), DefaultDatabaseURL),
		JWTSecret:   []byte(getenv("TRACKER_JWT_SECRET")),
		Demo:        truthy(getenv("TRACKER_DEMO")),
		LogLevel:    or(getenv("TRACKER_LOG_LEVEL"), "info"),
		BodyLimit:   1 << 20,
		AccessTTL:   15 * time.Minute,
		RefreshTTL:  30 * 24 * time.Hour,

		LoginWindow:     DefaultLoginWindow,
		LoginMaxAccount: DefaultLoginMaxAccount,
		LoginMaxIP:      DefaultLoginMaxIP,

		AnonymiseAfterMonths: DefaultAnonymiseAfterMonths,
	}
	var errs []error
	for _, s := range split(getenv("TRACKER_TRUSTED_PROXIES")) {
		p, err := netip.ParsePrefix(s)
		if err != nil {
			a, aerr := netip.ParseAddr(s)
			if aerr != nil {
				errs = append(errs, fmt.Errorf("TRACKER_TRUSTED_PROXIES: %q is not a CIDR", s))
				continue
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		c.TrustedProxies = append(c.TrustedProxies, p.Masked())
	}
	c.CORSOrigins = split(getenv("TRACKER_CORS_ORIGINS"))
	c.SMTPAddr, c.SMTPFrom = strings.TrimSpace(getenv("TRACKER_SMTP_ADDR")), strings.TrimSpace(getenv("TRACKER_SMTP_FROM"))
	c.SMTPUsername, c.SMTPPassword = getenv("TRACKER_SMTP_USERNAME"), getenv("TRACKER_SMTP_PASSWORD")
	c.PublicURL = strings.TrimRight(or(strings.TrimSpace(getenv("TRACKER_PUBLIC_URL")), "http://"+c.Addr), "/")
	if v := getenv("TRACKER_BODY_LIMIT"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			errs = append(errs, fmt.Errorf("TRACKER_BODY_LIMIT: %q is not a number of bytes", v))
		}
		c.BodyLimit = n
	}
	errs = append(errs, duration(getenv, "TRACKER_ACCESS_TTL", &c.AccessTTL), duration(getenv, "TRACKER_REFRESH_TTL", &c.RefreshTTL),
		duration(getenv, "TRACKER_LOGIN_WINDOW", &c.LoginWindow),
		count(getenv, "TRACKER_LOGIN_MAX_ACCOUNT", &c.LoginMaxAccount), count(getenv, "TRACKER_LOGIN_MAX_IP", &c.LoginMaxIP),
		count(getenv, "TRACKER_ANONYMISE_AFTER_MONTHS", &c.AnonymiseAfterMonths), count(getenv, "TRACKER_MAX_ACTIVE", &c.MaxActive))
	if v := getenv("TRACKER_SECURE_COOKIES"); v != "" {
		c.SecureCookies = truthy(v)
	}
	// Secure cookies mean the site is served over HTTPS: tell browsers to
	// keep it that way, unless TRACKER_HSTS says otherwise.
	c.HSTS = c.SecureCookies
	if v := getenv("TRACKER_HSTS"); v != "" {
		c.HSTS = truthy(v)
	}
	return c, errors.Join(errs...)
}

// Validate checks every setting and the ones that depend on each other.
func (c Config) Validate() error {
	var errs []error
	if len(c.JWTSecret) < MinSecretBytes {
		errs = append(errs, fmt.Errorf("TRACKER_JWT_SECRET must be at least %d bytes (got %d); generate one with: openssl rand -base64 48", MinSecretBytes, len(c.JWTSecret)))
	}
	if _, _, err := ParseDatabaseURL(c.DatabaseURL); err != nil {
		errs = append(errs, err)
	}
	if c.AccessTTL <= 0 || c.AccessTTL > 15*time.Minute {
		errs = append(errs, errors.New("TRACKER_ACCESS_TTL must be between 1s and 15m"))
	}
	if c.RefreshTTL < c.AccessTTL {
		errs = append(errs, errors.New("TRACKER_REFRESH_TTL must be longer than TRACKER_ACCESS_TTL"))
	}
	if c.BodyLimit < 1024 {
		errs = append(errs, errors.New("TRACKER_BODY_LIMIT must be at least 1024 bytes"))
	}
	if c.MaxActive < 0 || c.MaxActive > 4096 {
		errs = append(errs, errors.New("TRACKER_MAX_ACTIVE must be between 1 and 4096 (or unset)"))
	}
	if c.LoginWindow < time.Minute || c.LoginWindow > 24*time.Hour {
		errs = append(errs, errors.New("TRACKER_LOGIN_WINDOW must be between 1m and 24h"))
	}
	if c.LoginMaxAccount < 1 || c.LoginMaxIP < 1 {
		errs = append(errs, errors.New("TRACKER_LOGIN_MAX_ACCOUNT and TRACKER_LOGIN_MAX_IP must be at least 1"))
	}
	errs = append(errs, c.validateSMTP()...)
	if c.AnonymiseAfterMonths < 1 || c.AnonymiseAfterMonths > 1200 {
		errs = append(errs, errors.New("TRACKER_ANONYMISE_AFTER_MONTHS must be between 1 and 1200"))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("TRACKER_LOG_LEVEL must be debug, info, warn or error (got %q)", c.LogLevel))
	}
	return errors.Join(errs...)
}

// Database drivers.
const (
	DriverSQLite   = "sqlite"
	DriverPostgres = "postgres"
)

// ParseDatabaseURL splits a TRACKER_DATABASE_URL into its driver and the
// driver's own address (a file path for SQLite, the URL for PostgreSQL).
func ParseDatabaseURL(u string) (driver, dsn string, err error) {
	switch {
	case strings.HasPrefix(u, "sqlite:"):
		p := strings.TrimPrefix(strings.TrimPrefix(u, "sqlite:"), "//")
		if p == "" {
			return "", "", errors.New("TRACKER_DATABASE_URL: sqlite: needs a file path, e.g. sqlite:data/tracker.db")
		}
		return DriverSQLite, p, nil
	case strings.HasPrefix(u, "postgres://"), strings.HasPrefix(u, "postgresql://"):
		return DriverPostgres, u, nil
	}
	return "", "", fmt.Errorf("TRACKER_DATABASE_URL must start with sqlite: or postgres:// (got %q)", u)
}

// DataDir is the folder of the SQLite file, where demo mode keeps its
// generated secret; "data" for PostgreSQL.
func (c Config) DataDir() string {
	if d, p, err := ParseDatabaseURL(c.DatabaseURL); err == nil && d == DriverSQLite {
		return filepath.Dir(p)
	}
	return "data"
}

func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

func truthy(v string) bool {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

func split(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func count(getenv func(string) string, name string, dst *int) error {
	v := getenv(name)
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return fmt.Errorf("%s: %q is not a whole number", name, v)
	}
	*dst = n
	return nil
}

func duration(getenv func(string) string, name string, dst *time.Duration) error {
	v := getenv(name)
	if v == "" {
		return nil
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		return fmt.Errorf("%s: %q is not a duration like 15m", name, v)
	}
	*dst = d
	return nil
}

// validateSMTP checks the e-mail settings: none, or an address with a
// sender, a username only with a password, and a public URL for links.
func (c Config) validateSMTP() []error {
	var errs []error
	if u, err := url.Parse(c.PublicURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		errs = append(errs, fmt.Errorf("TRACKER_PUBLIC_URL must be an http(s) URL (got %q)", c.PublicURL))
	}
	if c.SMTPAddr == "" {
		if c.SMTPFrom != "" || c.SMTPUsername != "" {
			errs = append(errs, errors.New("TRACKER_SMTP_FROM and TRACKER_SMTP_USERNAME need TRACKER_SMTP_ADDR"))
		}
		return errs
	}
	if _, port, err := net.SplitHostPort(c.SMTPAddr); err != nil || port == "" {
		errs = append(errs, fmt.Errorf("TRACKER_SMTP_ADDR must be host:port (got %q)", c.SMTPAddr))
	}
	if _, err := mail.ParseAddress(c.SMTPFrom); err != nil {
		errs = append(errs, fmt.Errorf("TRACKER_SMTP_FROM must be an e-mail address when TRACKER_SMTP_ADDR is set (got %q)", c.SMTPFrom))
	}
	if (c.SMTPUsername == "") != (c.SMTPPassword == "") {
		errs = append(errs, errors.New("TRACKER_SMTP_USERNAME and TRACKER_SMTP_PASSWORD go together"))
	}
	return errs
}
