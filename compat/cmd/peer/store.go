package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	gsessions "github.com/gorilla/sessions"
	"github.com/hertz-contrib/sessions"
	"github.com/hertz-contrib/sessions/cookie"
	"github.com/hertz-contrib/sessions/redis"
	"github.com/hertz-contrib/sessions/rediscluster"
	goredis "github.com/redis/go-redis/v9"

	"hertz-sessions/compat/casstore"
)

// peerStore is the configured session store plus, for the Redis stores, the calls that work
// without a request (LoadSessionBySessionId, SaveSessionWithoutContext).
type peerStore struct {
	store sessions.Store
	// load returns the session stored under id, or nil when Redis holds no such key.
	load func(id string) (*gsessions.Session, error)
	// saveWithoutContext stores session under id.
	saveWithoutContext func(id string, s *gsessions.Session) error
	// options are the store's default options (a copy is given to sessions created here).
	options func() gsessions.Options
	// update, with -cas, runs fn on the session stored under id by compare-and-set.
	update func(ctx context.Context, id string, fn func(s *gsessions.Session) error) error
}

// casAttempts is how many times update tries to save (hertz-sessions' default).
const casAttempts = 10

// casUpdate is peerStore.update over rdb, with the store's key prefix, serializer and TTL.
func casUpdate(rdb casstore.Client, cfg config, ser sessions.Serializer, options func() gsessions.Options, defaultMaxAge int) func(context.Context, string, func(*gsessions.Session) error) error {
	prefix := "session_"
	if cfg.prefixSet {
		prefix = cfg.prefix
	}
	return func(ctx context.Context, id string, fn func(*gsessions.Session) error) error {
		ttl := options().MaxAge
		if ttl == 0 {
			ttl = defaultMaxAge
		}
		return casstore.Update(ctx, rdb, ser, prefix+id, ttl, casAttempts, fn)
	}
}

func newStore(cfg config) (*peerStore, error) {
	keys := [][]byte{[]byte(cfg.hashKey)}
	if cfg.blockKey != "" {
		keys = append(keys, []byte(cfg.blockKey))
	}
	ser, err := serializerNamed(cfg.serializer)
	if err != nil {
		return nil, err
	}
	switch cfg.store {
	case "cookie":
		if cfg.serializer != "gob" {
			return nil, errors.New("-serializer applies to the Redis stores only")
		}
		return &peerStore{store: cookie.NewStore(keys...)}, nil
	case "redis":
		return newRedisStore(cfg, ser, keys)
	case "rediscluster":
		return newClusterStore(cfg, ser, keys)
	}
	return nil, fmt.Errorf("unknown -store %q (cookie, redis, rediscluster)", cfg.store)
}

func newRedisStore(cfg config, ser sessions.Serializer, keys [][]byte) (*peerStore, error) {
	network, addr := "tcp", cfg.redis
	if strings.HasPrefix(addr, "unix:") {
		network, addr = "unix", strings.TrimPrefix(addr, "unix:")
	} else if strings.HasPrefix(addr, "/") {
		network = "unix"
	}
	var (
		st  redis.Store
		err error
	)
	if cfg.db != "" {
		st, err = redis.NewStoreWithDB(10, network, addr, cfg.password, cfg.db, keys...)
	} else {
		st, err = redis.NewStore(10, network, addr, cfg.password, keys...)
	}
	if err != nil {
		return nil, fmt.Errorf("redis store: %w", err)
	}
	if cfg.prefixSet {
		if err := redis.SetKeyPrefix(st, cfg.prefix); err != nil {
			return nil, err
		}
	}
	rs, err := redis.GetRedisStore(st)
	if err != nil {
		return nil, err
	}
	rs.SetSerializer(ser)
	ps := &peerStore{
		store: st,
		load: func(id string) (*gsessions.Session, error) {
			return redis.LoadSessionBySessionId(rs, id)
		},
		saveWithoutContext: func(id string, s *gsessions.Session) error {
			return redis.SaveSessionWithoutContext(rs, id, s)
		},
		options: func() gsessions.Options { return *rs.Options },
	}
	if cfg.cas {
		db := 0
		if cfg.db != "" {
			if db, err = strconv.Atoi(cfg.db); err != nil {
				return nil, fmt.Errorf("-db: %w", err)
			}
		}
		rdb := goredis.NewClient(&goredis.Options{Network: network, Addr: addr, Password: cfg.password, DB: db})
		ps.update = casUpdate(rdb, cfg, ser, ps.options, rs.DefaultMaxAge)
	}
	return ps, nil
}

func newClusterStore(cfg config, ser sessions.Serializer, keys [][]byte) (*peerStore, error) {
	st, err := rediscluster.NewStore(10, splitAddrs(cfg.redis), cfg.password, nil, keys...)
	if err != nil {
		return nil, fmt.Errorf("rediscluster store: %w", err)
	}
	if cfg.prefixSet {
		st.SetKeyPrefix(cfg.prefix)
	}
	st.SetSerializer(ser)
	ps := &peerStore{
		store: st,
		load: func(id string) (*gsessions.Session, error) {
			s, err := rediscluster.LoadSessionBySessionId(st, id)
			// The cluster store's load reports a missing key as go-redis's Nil error (the
			// single-node store returns nil, nil); both mean "no such session" here.
			if errors.Is(err, goredis.Nil) {
				return nil, nil
			}
			return s, err
		},
		saveWithoutContext: func(id string, s *gsessions.Session) error {
			return rediscluster.SaveSessionWithoutContext(st, id, s)
		},
		options: func() gsessions.Options { return *st.Opts },
	}
	if cfg.cas {
		rdb := goredis.NewClusterClient(&goredis.ClusterOptions{Addrs: splitAddrs(cfg.redis), Password: cfg.password})
		ps.update = casUpdate(rdb, cfg, ser, ps.options, st.DefaultMaxAge)
	}
	return ps, nil
}
