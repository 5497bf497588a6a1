export { GobSerializer } from "./serializers/GobSerializer.ts";
export { JSONSerializer } from "./serializers/JSONSerializer.ts";
export { MsgpackSerializer } from "./serializers/MsgpackSerializer.ts";
export type { ReadLimits } from "./serializers/ReadLimits.ts";
export { readLimitDefaults } from "./serializers/ReadLimits.ts";
export type {
  SessionSerializer,
  SessionSerializer as Serializer,
} from "./serializers/SessionSerializer.ts";
export { appendSetCookie, newCookie } from "./sessions/cookieHeader.ts";
export { DefaultKey } from "./sessions/defaultKey.ts";
export { Default, DefaultMany } from "./sessions/defaultSession.ts";
export { GorillaSession } from "./sessions/GorillaSession.ts";
export { type Logger, type LogLevel, SetLogger } from "./sessions/logger.ts";
export {
  Many,
  type Middleware,
  New,
  type NextFunction,
  Sessions,
  SessionsMany,
} from "./sessions/middleware.ts";
export { type Options, SameSite } from "./sessions/Options.ts";
export type { RequestSession } from "./sessions/RequestSession.ts";
export { requestCookie } from "./sessions/requestCookie.ts";
export type { Session, SessionKey, SessionValue, Untyped } from "./sessions/Session.ts";
export {
  isSessionsError,
  SessionsError,
  type SessionsErrorCode,
  SessionsRangeError,
  SessionsTypeError,
} from "./sessions/SessionsError.ts";
export type { SessionResult, Store } from "./sessions/Store.ts";
