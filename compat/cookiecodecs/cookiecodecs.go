// Package cookiecodecs builds gorilla/securecookie v1.1.2 codecs from a JSON-friendly
// description (hex keys, hash and encoder names, limits) and describes securecookie's errors,
// for the commands that make cookies for the tests (cmd/gocodec, cmd/vectors).
package cookiecodecs

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"

	"github.com/gorilla/securecookie"
)

// Hashes are Go's constructors of the hash functions a codec may use, by name.
var Hashes = map[string]func() hash.Hash{
	"md5":        md5.New,
	"sha1":       sha1.New,
	"sha224":     sha256.New224,
	"sha256":     sha256.New,
	"sha384":     sha512.New384,
	"sha512":     sha512.New,
	"sha512-224": sha512.New512_224,
	"sha512-256": sha512.New512_256,
	"sha3-224":   func() hash.Hash { return sha3.New224() },
	"sha3-256":   func() hash.Hash { return sha3.New256() },
	"sha3-384":   func() hash.Hash { return sha3.New384() },
	"sha3-512":   func() hash.Hash { return sha3.New512() },
}

// Settings say how to build the codecs: securecookie.CodecsFromPairs of KeyPairs (hex keys,
// nil for a nil key, "" for an empty one), then on each codec the encoder ("" or "gob",
// "json", "nop"), the hash function (a name of Hashes; "" keeps sha256) and the limits
// present. The JSON names are the tests' ("keyPairs", "hashFunc", ...).
type Settings struct {
	KeyPairs  []*string `json:"keyPairs"`
	HashFunc  string    `json:"hashFunc,omitempty"`
	Encoder   string    `json:"encoder"`
	MaxAge    *int      `json:"maxAge,omitempty"`
	MinAge    *int      `json:"minAge,omitempty"`
	MaxLength *int      `json:"maxLength,omitempty"`
}

// Codecs builds the codecs of s.
func (s Settings) Codecs() ([]securecookie.Codec, error) {
	keys := make([][]byte, len(s.KeyPairs))
	for i, k := range s.KeyPairs {
		if k == nil {
			continue
		}
		b, err := hex.DecodeString(*k)
		if err != nil {
			return nil, fmt.Errorf("keyPairs[%d]: %v", i, err)
		}
		keys[i] = b
	}
	codecs := securecookie.CodecsFromPairs(keys...)
	for _, c := range codecs {
		sc := c.(*securecookie.SecureCookie)
		switch s.Encoder {
		case "", "gob":
		case "json":
			sc.SetSerializer(securecookie.JSONEncoder{})
		case "nop":
			sc.SetSerializer(securecookie.NopEncoder{})
		default:
			return nil, fmt.Errorf("unknown encoder %q", s.Encoder)
		}
		if s.HashFunc != "" {
			h, ok := Hashes[s.HashFunc]
			if !ok {
				return nil, fmt.Errorf("unknown hashFunc %q", s.HashFunc)
			}
			sc.HashFunc(h)
		}
		if s.MaxAge != nil {
			sc.MaxAge(*s.MaxAge)
		}
		if s.MinAge != nil {
			sc.MinAge(*s.MinAge)
		}
		if s.MaxLength != nil {
			sc.MaxLength(*s.MaxLength)
		}
	}
	return codecs, nil
}

// Error is a securecookie error as the tests compare it: its text, whether it implements
// securecookie.Error, and then its IsUsage, IsDecode and IsInternal.
type Error struct {
	Text     string `json:"text"`
	Kinded   bool   `json:"kinded"`
	Usage    bool   `json:"usage"`
	Decode   bool   `json:"decode"`
	Internal bool   `json:"internal"`
}

// Describe returns err as an Error.
func Describe(err error) Error {
	e := Error{Text: err.Error()}
	if k, ok := err.(securecookie.Error); ok {
		e.Kinded, e.Usage, e.Decode, e.Internal = true, k.IsUsage(), k.IsDecode(), k.IsInternal()
	}
	return e
}
