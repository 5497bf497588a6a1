// Command peer is the Go reference service of the live interop tests: a real Hertz server
// using github.com/hertz-contrib/sessions (v1.0.3) exactly as applications do, serving the
// same demo routes as examples/app.ts (see routes.go).
//
//	peer -addr 127.0.0.1:0 -store cookie|redis|rediscluster [-redis ADDR | -redis A,B,C]
//	     [-password PW] [-db N] [-serializer gob|json|msgpack] [-hash-key secret]
//	     [-block-key KEY] [-name mysession] [-prefix session_] [-cas] [-transport standard|netpoll]
//
// Once it accepts connections it prints exactly one line on stdout:
//
//	LISTENING http://127.0.0.1:PORT
//
// Hertz logs at warn level; session errors (hlog.Errorf from hertz-contrib/sessions and the
// handlers) go to stderr. SIGTERM/SIGINT stop it.
//
// -redis takes host:port, or a path (or unix:PATH) for a Unix socket. -serializer applies to
// the Redis stores (the cookie store always uses securecookie's gob encoder, as in Go).
// -prefix calls SetKeyPrefix only when given; otherwise the store keeps its default.
// -cas (Redis stores) makes /incr update the session with compat/casstore (compare-and-set,
// as hertz-sessions' SetCompareAndSet(true)) instead of Save's blind SETEX.
// -transport picks Hertz's network layer: standard (Go's net, the default here) or netpoll
// (Hertz's own default on Linux; bench/http.bench.ts can run the peer on either).
package main

import (
	"context"
	"encoding/gob"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"github.com/cloudwego/hertz/pkg/app/server"
	hconfig "github.com/cloudwego/hertz/pkg/common/config"
	"github.com/cloudwego/hertz/pkg/common/hlog"
	"github.com/cloudwego/hertz/pkg/network"
	"github.com/cloudwego/hertz/pkg/network/netpoll"
	"github.com/cloudwego/hertz/pkg/network/standard"
	"github.com/hertz-contrib/sessions"
)

type config struct {
	addr       string
	store      string
	redis      string
	password   string
	db         string
	serializer string
	hashKey    string
	blockKey   string
	name       string
	prefix     string
	prefixSet  bool
	cas        bool
	transport  string
}

func main() {
	var cfg config
	flag.StringVar(&cfg.addr, "addr", "127.0.0.1:0", "listen address (port 0 picks a free port)")
	flag.StringVar(&cfg.store, "store", "cookie", "session store: cookie, redis or rediscluster")
	flag.StringVar(&cfg.redis, "redis", "127.0.0.1:6379", "Redis address; comma-separated node addresses for rediscluster")
	flag.StringVar(&cfg.password, "password", "", "Redis password")
	flag.StringVar(&cfg.db, "db", "", "Redis DB (redis store: uses NewStoreWithDB when set)")
	flag.StringVar(&cfg.serializer, "serializer", "gob", "Redis value serializer: gob, json or msgpack")
	flag.StringVar(&cfg.hashKey, "hash-key", "secret", "securecookie hash key")
	flag.StringVar(&cfg.blockKey, "block-key", "", "securecookie block key (AES; 16, 24 or 32 bytes); none when empty")
	flag.StringVar(&cfg.name, "name", "mysession", "session (cookie) name")
	flag.Func("prefix", "Redis key prefix (SetKeyPrefix); the store default when not given", func(s string) error {
		cfg.prefix, cfg.prefixSet = s, true
		return nil
	})
	flag.BoolVar(&cfg.cas, "cas", false, "Redis stores: /incr saves by compare-and-set (compat/casstore)")
	flag.StringVar(&cfg.transport, "transport", "standard", "Hertz network layer: standard or netpoll")
	flag.Parse()

	hlog.SetLevel(hlog.LevelWarn)
	hlog.SetOutput(os.Stderr)
	registerGobTypes()

	st, err := newStore(cfg)
	if err != nil {
		fmt.Fprintf(os.Stderr, "peer: %v\n", err)
		os.Exit(1)
	}

	transporter, err := transporterNamed(cfg.transport)
	if err != nil {
		fmt.Fprintf(os.Stderr, "peer: %v\n", err)
		os.Exit(1)
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		fmt.Fprintf(os.Stderr, "peer: listen: %v\n", err)
		os.Exit(1)
	}
	h := server.New(
		server.WithListener(ln),
		server.WithTransport(transporter),
		server.WithDisablePrintRoute(true),
		server.WithExitWaitTime(100*time.Millisecond),
	)
	h.Use(recoverJSON, sessions.New(cfg.name, st.store))
	registerRoutes(h, st)
	// OnRun hooks run once the engine is initialised, right before it serves the listener
	// (already bound, so connections made from now on wait in its backlog).
	h.OnRun = append(h.OnRun, func(context.Context) error {
		fmt.Printf("LISTENING http://%s\n", ln.Addr().String())
		return nil
	})
	h.Spin()
}

// registerGobTypes registers, as applications do, the concrete types stored in sessions
// (gorilla/sessions itself registers []interface{} for flashes). Gob names: "time.Time" is
// built into gob; the demo structs are "main.User" and "main.Point".
func registerGobTypes() {
	gob.Register(time.Time{})
	gob.Register(User{})
	gob.Register(Point{})
	gob.Register([]string{})
	gob.Register(map[string]interface{}{})
}

// splitAddrs splits -redis for the cluster store.
func splitAddrs(s string) []string {
	var out []string
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// transporterNamed maps -transport to Hertz's network layer.
func transporterNamed(name string) (func(*hconfig.Options) network.Transporter, error) {
	switch name {
	case "standard":
		return standard.NewTransporter, nil
	case "netpoll":
		return netpoll.NewTransporter, nil
	}
	return nil, errors.New("unknown -transport " + name + " (standard, netpoll)")
}
