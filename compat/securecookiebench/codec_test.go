// Package securecookiebench measures gorilla/securecookie v1.1.2 on the session that
// bench/codec.bench.ts measures in TypeScript: Encode then Decode with an AES-256 block key
// and HMAC-SHA256, once with the default gob serializer (a map[interface{}]interface{}
// session) and once with the JSON serializer (a map[string]interface{}).
//
//	(cd compat && go test -run '^$' -bench . -benchtime 1s ./securecookiebench)
//
// Each benchmark first checks that Decode(Encode(v)) equals v.
package securecookiebench

import (
	"encoding/gob"
	"reflect"
	"testing"

	"github.com/gorilla/securecookie"
)

var (
	hashKey  = []byte("bench-hash-key-0123456789abcdef0") // 32 bytes
	blockKey = []byte("bench-aes-256-key-0123456789abcd") // 32 bytes: AES-256
)

func init() { gob.Register([]interface{}{}) } // as gorilla/sessions does for flashes

// The session of both benchmarks (and of bench/codec.bench.ts): 8 keys.
func gobSession() map[interface{}]interface{} {
	return map[interface{}]interface{}{
		"user_id": 84,
		"name":    "alice",
		"email":   "alice@example.com",
		"csrf":    "3q2+7wLk9m1Pq8Zb",
		"count":   6,
		"admin":   true,
		"visited": 1712345678,
		"_flash":  []interface{}{"welcome back", "saved"},
	}
}

func jsonSession() map[string]interface{} {
	m := map[string]interface{}{}
	for k, v := range gobSession() {
		switch v := v.(type) {
		case int:
			m[k.(string)] = float64(v) // what JSON decodes numbers to
		default:
			m[k.(string)] = v
		}
	}
	return m
}

func BenchmarkCodec(b *testing.B) {
	b.Run("gob", func(b *testing.B) {
		s := securecookie.New(hashKey, blockKey)
		value := gobSession()
		roundTrip := func() map[interface{}]interface{} {
			encoded, err := s.Encode("session", value)
			if err != nil {
				b.Fatal(err)
			}
			dst := map[interface{}]interface{}{}
			if err := s.Decode("session", encoded, &dst); err != nil {
				b.Fatal(err)
			}
			return dst
		}
		if got := roundTrip(); !reflect.DeepEqual(got, value) {
			b.Fatalf("round trip: got %#v, want %#v", got, value)
		}
		for b.Loop() {
			roundTrip()
		}
	})
	b.Run("json", func(b *testing.B) {
		s := securecookie.New(hashKey, blockKey).SetSerializer(securecookie.JSONEncoder{})
		value := jsonSession()
		roundTrip := func() map[string]interface{} {
			encoded, err := s.Encode("session", value)
			if err != nil {
				b.Fatal(err)
			}
			dst := map[string]interface{}{}
			if err := s.Decode("session", encoded, &dst); err != nil {
				b.Fatal(err)
			}
			return dst
		}
		if got := roundTrip(); !reflect.DeepEqual(got, value) {
			b.Fatalf("round trip: got %#v, want %#v", got, value)
		}
		for b.Loop() {
			roundTrip()
		}
	})
}
