// Package deps pins every module the compat programs import, so go.mod lists them all.
package deps

import (
	_ "github.com/cloudwego/hertz/pkg/app/server"
	_ "github.com/gomodule/redigo/redis"
	_ "github.com/gorilla/securecookie"
	_ "github.com/gorilla/sessions"
	_ "github.com/hertz-contrib/sessions"
	_ "github.com/hertz-contrib/sessions/cookie"
	_ "github.com/hertz-contrib/sessions/redis"
	_ "github.com/hertz-contrib/sessions/rediscluster"
	_ "github.com/redis/go-redis/v9"
	_ "github.com/vmihailenco/msgpack/v5"
)
