// Package casstore updates a session kept by hertz-contrib/sessions' Redis stores without
// losing what another request saved meanwhile, with the compare-and-set of hertz-sessions
// (src/redis/compareAndSet.ts, store.SetCompareAndSet(true)): the same Lua script, so Go and
// Node services sharing one session never overwrite each other blindly.
//
// hertz-contrib's Save writes with SETEX: of two overlapping requests, the last to save wins.
// Update instead reads the session, runs fn on its values, and writes them only if the key
// still holds the bytes it read; otherwise it runs fn again on the current values.
//
//	err := casstore.Update(ctx, rdb, serializer, "session_"+s.ID(), 86400*30, 10,
//		func(s *gsessions.Session) error {
//			n, _ := s.Values["count"].(int)
//			s.Values["count"] = n + 1
//			return nil
//		})
package casstore

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"sync"
	"time"

	gsessions "github.com/gorilla/sessions"
	"github.com/hertz-contrib/sessions"
	"github.com/redis/go-redis/v9"
)

// Script is the compare-and-set. KEYS[1] the session key; ARGV[1] "1" when the caller read
// ARGV[2] from it, "0" when it found no key; ARGV[3] the TTL in seconds; ARGV[4] the bytes to
// store. It returns 1 when written, else the current bytes, or 0 when the key does not exist.
// Byte for byte the script of src/redis/compareAndSet.ts (a test compares them).
const Script = `local current = redis.call("GET", KEYS[1])
if (ARGV[1] == "0" and not current) or (ARGV[1] == "1" and current == ARGV[2]) then
  redis.call("SETEX", KEYS[1], ARGV[3], ARGV[4])
  return 1
end
if not current then return 0 end
return current`

var script = redis.NewScript(Script)

// ErrDeleted: the key existed when read and was deleted before the write (the session was
// destroyed): it is not written again.
var ErrDeleted = errors.New("casstore: the session was deleted while the request ran")

// Client is what Update needs of a go-redis *redis.Client or *redis.ClusterClient.
type Client interface {
	redis.Scripter
	Get(ctx context.Context, key string) *redis.StringCmd
}

// Updates of one key in this process take turns (one mutex per stripe of keys), so they
// race only other processes.
var stripes [64]sync.Mutex

func stripe(key string) *sync.Mutex {
	h := fnv.New32a()
	h.Write([]byte(key))
	return &stripes[h.Sum32()%uint32(len(stripes))]
}

// backoff is the most Update waits after its attempt-th try failed, as hertz-sessions.
func backoff(attempt int) time.Duration {
	return time.Duration(1<<min(attempt-1, 6)) * time.Millisecond
}

// Update reads the session stored under key (no key: empty values), runs fn on it and stores
// its values with TTL ttl seconds if the key still holds what was read; else it runs fn again
// on the values found, at most attempts times in all (from the second conflict on after a
// random wait of up to 2, 4 … 64 ms and a fresh read). fn must derive every change from the
// values it is given.
func Update(ctx context.Context, rdb Client, ser sessions.Serializer, key string, ttl, attempts int,
	fn func(s *gsessions.Session) error,
) error {
	mu := stripe(key)
	mu.Lock()
	defer mu.Unlock()

	current, err := rdb.Get(ctx, key).Bytes()
	if errors.Is(err, redis.Nil) {
		current, err = nil, nil
	}
	if err != nil {
		return err
	}
	for attempt := 1; ; attempt++ {
		s := &gsessions.Session{Values: map[interface{}]interface{}{}, IsNew: current == nil}
		if current != nil {
			if err := ser.Deserialize(current, s); err != nil {
				return err
			}
		}
		if err := fn(s); err != nil {
			return err
		}
		b, err := ser.Serialize(s)
		if err != nil {
			return err
		}
		found := "0"
		if current != nil {
			found = "1"
		}
		reply, err := script.Run(ctx, rdb, []string{key}, found, current, ttl, b).Result()
		if err != nil {
			return err
		}
		switch v := reply.(type) {
		case int64:
			if v == 1 {
				return nil
			}
			if current != nil {
				return ErrDeleted
			}
			return fmt.Errorf("casstore: unexpected reply %d", v)
		case string:
			current = []byte(v)
		default:
			return fmt.Errorf("casstore: unexpected reply %T", reply)
		}
		if attempt >= attempts {
			return fmt.Errorf("casstore: the session changed under each of %d attempts to save it", attempts)
		}
		// From the second conflict on: wait a random 0 to 2, 4 … 64 ms, read again, retry.
		if attempt >= 2 {
			time.Sleep(time.Duration(rand.Int64N(int64(backoff(attempt)))))
			current, err = rdb.Get(ctx, key).Bytes()
			if errors.Is(err, redis.Nil) {
				return ErrDeleted
			}
			if err != nil {
				return err
			}
		}
	}
}
