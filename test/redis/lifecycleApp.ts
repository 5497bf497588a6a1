/**
 * A Node service for the session-lifecycle tests (Regenerate, Destroy, Touch, rolling expiry)
 * on any store, cookie `mysession` as the Go peer's:
 *
 *   /login?user=U   Set("user", U); Regenerate()
 *   /logout[?path=P]  (Options({ Path: P, MaxAge: 3600 }) first when P is given) Destroy()
 *   /touch          Touch()                          /read     nothing
 *
 * Each then calls Save() and answers {"id": ID(), "user": Get("user") ?? null}, but /peek,
 * which only reads (no Save: a rolling store renews as the middleware loads the session).
 */
import { Default, New } from "../../src/index.ts";
import type { Store } from "../../src/sessions/Store.ts";
import { type Served, serve } from "../support/serve.ts";

export function lifecycleApp(store: Store): Promise<Served> {
  const mw = New("mysession", store);
  return serve((req, res) =>
    mw(req, res, async () => {
      const s = Default<{ user: string }>(req);
      const url = new URL(req.url ?? "/", "http://localhost");
      switch (url.pathname) {
        case "/login":
          s.Set("user", url.searchParams.get("user") ?? "");
          s.Regenerate();
          break;
        case "/logout": {
          const path = url.searchParams.get("path");
          if (path !== null) s.Options({ Path: path, MaxAge: 3600 });
          await s.Destroy();
          break;
        }
        case "/touch":
          s.Touch();
          break;
      }
      if (url.pathname !== "/peek") await s.Save();
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ id: s.ID(), user: s.Get("user") ?? null }));
    }),
  );
}
