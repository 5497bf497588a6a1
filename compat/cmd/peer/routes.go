package main

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/cloudwego/hertz/pkg/app"
	"github.com/cloudwego/hertz/pkg/app/server"
	"github.com/cloudwego/hertz/pkg/common/hlog"
	"github.com/cloudwego/hertz/pkg/common/utils"
	gsessions "github.com/gorilla/sessions"
	"github.com/hertz-contrib/sessions"

	"hertz-sessions/compat/tjson"
)

// The demo routes, shared with examples/app.ts. Every body is JSON; every route that
// changes the session calls Save and answers 500 {"error": <message>} when Save fails.
//
//	GET /login?user=NAME   Set("user", NAME); AddFlash("Welcome, NAME!")        → {"user": NAME}
//	GET /home              no "user" → 401 {"error": "not logged in"}; else count = (Get("count")
//	                       as int, 0 otherwise) + 1 stored as int; Flashes()  → {"user", "count", "flashes"}
//	GET /incr              count = Get("count") as int (0 when absent) + 1; a value of another
//	                       type → 500 {"error": "count is <%T>"}                → {"count": n}
//	                       With -cas: the same on the stored session by casstore.Update, no Save
//	                       (a session without an ID → 400 {"error": "no session"})
//	GET /flash?msg=X       AddFlash(X)                                          → {"ok": true}
//	GET /flashes           Flashes()                                            → {"flashes": [...]}
//	GET /options?maxAge=N&path=P&domain=D&secure=1&httponly=1&samesite=default|lax|strict|none
//	                       Options(sessions.Options{...}) (absent → zero value); Set("opts", N)
//	                                                                            → {"ok": true}
//	GET /logout            Clear(); Options({Path: "/", MaxAge: -1})            → {"ok": true}
//	GET /dump              tjson.Of(session.Values) (no Save)
//	GET /set?key=K&type=T&value=V   Set(K, V as Go type T, see typedValue)     → {"ok": true}
//	GET /id                {"id": session.ID()} (no Save)
//
// Redis stores only:
//
//	GET /load?id=ID        LoadSessionBySessionId → tjson.Of(Values); 404 {"error": "not found"}
//	GET /savewithoutcontext?id=ID&key=K&value=N
//	                       LoadSessionBySessionId (or a new session), Set(K, int N),
//	                       SaveSessionWithoutContext                           → {"ok": true}
//
// Flash lists are answered as [] when empty (Go's Flashes returns nil then).
func registerRoutes(h *server.Hertz, st *peerStore) {
	h.GET("/login", func(ctx context.Context, c *app.RequestContext) {
		s := sessions.Default(c)
		user := c.Query("user")
		s.Set("user", user)
		s.AddFlash("Welcome, " + user + "!")
		save(c, s, utils.H{"user": user})
	})

	h.GET("/home", func(ctx context.Context, c *app.RequestContext) {
		s := sessions.Default(c)
		user := s.Get("user")
		if user == nil {
			c.JSON(http.StatusUnauthorized, utils.H{"error": "not logged in"})
			return
		}
		count, _ := s.Get("count").(int)
		count++
		s.Set("count", count)
		flashes := nonNil(s.Flashes())
		save(c, s, utils.H{"user": user, "count": count, "flashes": flashes})
	})

	h.GET("/incr", func(ctx context.Context, c *app.RequestContext) {
		s := sessions.Default(c)
		if st.update != nil {
			incrCAS(ctx, c, st, s.ID())
			return
		}
		var count int
		switch v := s.Get("count").(type) {
		case nil:
		case int:
			count = v
		default:
			c.JSON(http.StatusInternalServerError, utils.H{"error": fmt.Sprintf("count is <%T>", v)})
			return
		}
		count++
		s.Set("count", count)
		save(c, s, utils.H{"count": count})
	})

	h.GET("/flash", func(ctx context.Context, c *app.RequestContext) {
		s := sessions.Default(c)
		s.AddFlash(c.Query("msg"))
		save(c, s, utils.H{"ok": true})
	})

	h.GET("/flashes", func(ctx context.Context, c *app.RequestContext) {
		s := sessions.Default(c)
		flashes := nonNil(s.Flashes())
		save(c, s, utils.H{"flashes": flashes})
	})

	h.GET("/options", func(ctx context.Context, c *app.RequestContext) {
		s := sessions.Default(c)
		maxAge := 0
		if v := c.Query("maxAge"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil {
				c.JSON(http.StatusBadRequest, utils.H{"error": "bad maxAge"})
				return
			}
			maxAge = n
		}
		sameSite, ok := sameSiteNamed(c.Query("samesite"))
		if !ok {
			c.JSON(http.StatusBadRequest, utils.H{"error": "bad samesite"})
			return
		}
		s.Options(sessions.Options{
			Path:     c.Query("path"),
			Domain:   c.Query("domain"),
			MaxAge:   maxAge,
			Secure:   c.Query("secure") == "1",
			HttpOnly: c.Query("httponly") == "1",
			SameSite: sameSite,
		})
		s.Set("opts", maxAge)
		save(c, s, utils.H{"ok": true})
	})

	h.GET("/logout", func(ctx context.Context, c *app.RequestContext) {
		s := sessions.Default(c)
		s.Clear()
		s.Options(sessions.Options{Path: "/", MaxAge: -1})
		save(c, s, utils.H{"ok": true})
	})

	h.GET("/dump", func(ctx context.Context, c *app.RequestContext) {
		c.JSON(http.StatusOK, tjson.Of(gorillaSession(sessions.Default(c)).Values))
	})

	h.GET("/set", func(ctx context.Context, c *app.RequestContext) {
		s := sessions.Default(c)
		v, err := typedValue(c.Query("type"), c.Query("value"))
		if err != nil {
			c.JSON(http.StatusBadRequest, utils.H{"error": err.Error()})
			return
		}
		s.Set(c.Query("key"), v)
		save(c, s, utils.H{"ok": true})
	})

	h.GET("/id", func(ctx context.Context, c *app.RequestContext) {
		c.JSON(http.StatusOK, utils.H{"id": sessions.Default(c).ID()})
	})

	if st.load == nil {
		return
	}

	h.GET("/load", func(ctx context.Context, c *app.RequestContext) {
		s, err := st.load(c.Query("id"))
		switch {
		case err != nil:
			fail(c, "load", err)
		case s == nil:
			c.JSON(http.StatusNotFound, utils.H{"error": "not found"})
		default:
			c.JSON(http.StatusOK, tjson.Of(s.Values))
		}
	})

	h.GET("/savewithoutcontext", func(ctx context.Context, c *app.RequestContext) {
		id := c.Query("id")
		n, err := strconv.Atoi(c.Query("value"))
		if err != nil {
			c.JSON(http.StatusBadRequest, utils.H{"error": "bad value"})
			return
		}
		s, err := st.load(id)
		if err != nil {
			fail(c, "load", err)
			return
		}
		if s == nil {
			s = &gsessions.Session{Values: map[interface{}]interface{}{}, IsNew: true}
		}
		if s.Values == nil {
			s.Values = map[interface{}]interface{}{}
		}
		// LoadSessionBySessionId leaves Options nil, and SaveSessionWithoutContext reads
		// Options.MaxAge (a nil Options panics), so callers give it the store's options.
		if s.Options == nil {
			opts := st.options()
			s.Options = &opts
		}
		s.Values[c.Query("key")] = n
		if err := st.saveWithoutContext(id, s); err != nil {
			fail(c, "save", err)
			return
		}
		c.JSON(http.StatusOK, utils.H{"ok": true})
	})
}

// incrCAS is /incr with -cas: count + 1 on the stored session by compare-and-set.
func incrCAS(ctx context.Context, c *app.RequestContext, st *peerStore, id string) {
	if id == "" {
		c.JSON(http.StatusBadRequest, utils.H{"error": "no session"})
		return
	}
	var count int
	err := st.update(ctx, id, func(s *gsessions.Session) error {
		switch v := s.Values["count"].(type) {
		case nil:
			count = 0
		case int:
			count = v
		default:
			return fmt.Errorf("count is <%T>", v)
		}
		count++
		s.Values["count"] = count
		return nil
	})
	if err != nil {
		fail(c, "update", err)
		return
	}
	c.JSON(http.StatusOK, utils.H{"count": count})
}

// save calls Save and answers body, or 500 with the error.
func save(c *app.RequestContext, s sessions.Session, body utils.H) {
	if err := s.Save(); err != nil {
		fail(c, "save", err)
		return
	}
	c.JSON(http.StatusOK, body)
}

// fail logs err to stderr and answers 500 {"error": message}.
func fail(c *app.RequestContext, what string, err error) {
	hlog.Errorf("[peer] %s: %v", what, err)
	c.JSON(http.StatusInternalServerError, utils.H{"error": err.Error()})
}

// gorillaSession reaches the *sessions.Session behind hertz-contrib's Session interface
// (its concrete type has an exported Session() method).
func gorillaSession(s sessions.Session) *gsessions.Session {
	return s.(interface{ Session() *gsessions.Session }).Session()
}

func nonNil(flashes []interface{}) []interface{} {
	if flashes == nil {
		return []interface{}{}
	}
	return flashes
}

func sameSiteNamed(name string) (http.SameSite, bool) {
	switch name {
	case "":
		return 0, true
	case "default":
		return http.SameSiteDefaultMode, true
	case "lax":
		return http.SameSiteLaxMode, true
	case "strict":
		return http.SameSiteStrictMode, true
	case "none":
		return http.SameSiteNoneMode, true
	}
	return 0, false
}

// recoverJSON turns a handler panic into 500 {"error": "panic: <value>"} (logged to stderr),
// so a Go-side failure caused by a foreign value shows up in the response.
func recoverJSON(ctx context.Context, c *app.RequestContext) {
	defer func() {
		if r := recover(); r != nil {
			hlog.Errorf("[peer] panic on %s: %v", c.Request.URI().Path(), r)
			c.AbortWithStatusJSON(http.StatusInternalServerError, utils.H{"error": fmt.Sprintf("panic: %v", r)})
		}
	}()
	c.Next(ctx)
}
