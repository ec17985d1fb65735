package config_test

import (
	"strings"
	"testing"
	"time"

	"github.com/intern-tracker/tracker/pkg/config"
)

const secret = "0123456789abcdef0123456789abcdef"

func load(t *testing.T, env map[string]string) (config.Config, error) {
	t.Helper()
	if _, ok := env["TRACKER_JWT_SECRET"]; !ok {
		env["TRACKER_JWT_SECRET"] = secret
	}
	c, err := config.Load(func(k string) string { return env[k] })
	if err != nil {
		return c, err
	}
	return c, c.Validate()
}

func TestLoadDefaults(t *testing.T) {
	c, err := load(t, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if c.LoginWindow != 15*time.Minute || c.LoginMaxAccount != 5 || c.LoginMaxIP != 20 {
		t.Fatalf("login limits = %s %d %d, want 15m 5 20", c.LoginWindow, c.LoginMaxAccount, c.LoginMaxIP)
	}
	if c.HSTS || c.SecureCookies {
		t.Fatalf("HSTS %v, secure cookies %v by default; want both off", c.HSTS, c.SecureCookies)
	}
	if c.BodyLimit != 1<<20 || c.AccessTTL != 15*time.Minute {
		t.Fatalf("body limit %d, access TTL %s", c.BodyLimit, c.AccessTTL)
	}
}

func TestLoadSettings(t *testing.T) {
	cases := []struct {
		name  string
		env   map[string]string
		check func(c config.Config) bool
	}{
		{"HSTSOn", map[string]string{"TRACKER_HSTS": "1"}, func(c config.Config) bool { return c.HSTS && !c.SecureCookies }},
		{"HSTSImpliedBySecureCookies", map[string]string{"TRACKER_SECURE_COOKIES": "true"}, func(c config.Config) bool { return c.HSTS }},
		{"HSTSOffDespiteSecureCookies", map[string]string{"TRACKER_SECURE_COOKIES": "1", "TRACKER_HSTS": "0"},
			func(c config.Config) bool { return !c.HSTS && c.SecureCookies }},
		{"LoginLimits", map[string]string{"TRACKER_LOGIN_WINDOW": "1h", "TRACKER_LOGIN_MAX_ACCOUNT": "10", "TRACKER_LOGIN_MAX_IP": "100"},
			func(c config.Config) bool {
				return c.LoginWindow == time.Hour && c.LoginMaxAccount == 10 && c.LoginMaxIP == 100
			}},
		{"AnonymiseAfterDefault", map[string]string{}, func(c config.Config) bool { return c.AnonymiseAfterMonths == config.DefaultAnonymiseAfterMonths }},
		{"AnonymiseAfter", map[string]string{"TRACKER_ANONYMISE_AFTER_MONTHS": "36"}, func(c config.Config) bool { return c.AnonymiseAfterMonths == 36 }},
		{"MaxActive", map[string]string{"TRACKER_MAX_ACTIVE": "12"}, func(c config.Config) bool { return c.MaxActive == 12 }},
		{"TrustedProxyAddressIsPrefix", map[string]string{"TRACKER_TRUSTED_PROXIES": "10.0.0.1, 192.168.0.0/16"},
			func(c config.Config) bool {
				return len(c.TrustedProxies) == 2 && c.TrustedProxies[0].String() == "10.0.0.1/32"
			}},
		{"CORSOrigins", map[string]string{"TRACKER_CORS_ORIGINS": "https://a.example, https://b.example"},
			func(c config.Config) bool { return len(c.CORSOrigins) == 2 && c.CORSOrigins[1] == "https://b.example" }},
		{"NoSMTPByDefault", map[string]string{}, func(c config.Config) bool {
			return c.SMTPAddr == "" && c.PublicURL == "http://127.0.0.1:8080"
		}},
		{"SMTP", map[string]string{"TRACKER_SMTP_ADDR": "mail.example:587", "TRACKER_SMTP_FROM": "tracker@example.org",
			"TRACKER_SMTP_USERNAME": "u", "TRACKER_SMTP_PASSWORD": "p", "TRACKER_PUBLIC_URL": "https://tracker.example/"},
			func(c config.Config) bool {
				return c.SMTPAddr == "mail.example:587" && c.SMTPFrom == "tracker@example.org" && c.SMTPUsername == "u" &&
					c.SMTPPassword == "p" && c.PublicURL == "https://tracker.example"
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := load(t, tc.env)
			if err != nil {
				t.Fatal(err)
			}
			if !tc.check(c) {
				t.Fatalf("config = %+v", c)
			}
		})
	}
}

func TestLoadRefuses(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"ErrShortSecret", map[string]string{"TRACKER_JWT_SECRET": "short"}, "TRACKER_JWT_SECRET"},
		{"ErrWindowNotDuration", map[string]string{"TRACKER_LOGIN_WINDOW": "soon"}, "TRACKER_LOGIN_WINDOW"},
		{"ErrWindowTooShort", map[string]string{"TRACKER_LOGIN_WINDOW": "10s"}, "TRACKER_LOGIN_WINDOW"},
		{"ErrWindowTooLong", map[string]string{"TRACKER_LOGIN_WINDOW": "48h"}, "TRACKER_LOGIN_WINDOW"},
		{"ErrMaxAccountNotNumber", map[string]string{"TRACKER_LOGIN_MAX_ACCOUNT": "five"}, "TRACKER_LOGIN_MAX_ACCOUNT"},
		{"ErrMaxAccountZero", map[string]string{"TRACKER_LOGIN_MAX_ACCOUNT": "0"}, "TRACKER_LOGIN_MAX_ACCOUNT"},
		{"ErrMaxIPNegative", map[string]string{"TRACKER_LOGIN_MAX_IP": "-1"}, "TRACKER_LOGIN_MAX_IP"},
		{"ErrAnonymiseAfterNotNumber", map[string]string{"TRACKER_ANONYMISE_AFTER_MONTHS": "two years"}, "TRACKER_ANONYMISE_AFTER_MONTHS"},
		{"ErrAnonymiseAfterZero", map[string]string{"TRACKER_ANONYMISE_AFTER_MONTHS": "0"}, "TRACKER_ANONYMISE_AFTER_MONTHS"},
		{"ErrMaxActiveNegative", map[string]string{"TRACKER_MAX_ACTIVE": "-1"}, "TRACKER_MAX_ACTIVE"},
		{"ErrMaxActiveNotNumber", map[string]string{"TRACKER_MAX_ACTIVE": "many"}, "TRACKER_MAX_ACTIVE"},
		{"ErrProxyNotCIDR", map[string]string{"TRACKER_TRUSTED_PROXIES": "proxy.example"}, "TRACKER_TRUSTED_PROXIES"},
		{"ErrAccessTTL", map[string]string{"TRACKER_ACCESS_TTL": "1h"}, "TRACKER_ACCESS_TTL"},
		{"ErrSMTPAddrNoPort", map[string]string{"TRACKER_SMTP_ADDR": "mail.example", "TRACKER_SMTP_FROM": "a@b.example"}, "TRACKER_SMTP_ADDR"},
		{"ErrSMTPNoFrom", map[string]string{"TRACKER_SMTP_ADDR": "mail.example:25"}, "TRACKER_SMTP_FROM"},
		{"ErrSMTPFromWithoutAddr", map[string]string{"TRACKER_SMTP_FROM": "a@b.example"}, "TRACKER_SMTP_ADDR"},
		{"ErrSMTPUserNoPassword", map[string]string{"TRACKER_SMTP_ADDR": "mail.example:25", "TRACKER_SMTP_FROM": "a@b.example",
			"TRACKER_SMTP_USERNAME": "u"}, "TRACKER_SMTP_PASSWORD"},
		{"ErrPublicURL", map[string]string{"TRACKER_PUBLIC_URL": "tracker.example"}, "TRACKER_PUBLIC_URL"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, tc.env)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want one naming %s", err, tc.want)
			}
		})
	}
}
