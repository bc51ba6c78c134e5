// What every handler gets: the database, the parsed configuration and the abuse limits.
import type { AuthConfig } from './config.ts';
import type { Db } from './db.ts';
import type { AuthRequest, AuthResponse } from './http.ts';
import type { RateLimits } from './rate-limits.ts';

export interface AuthContext {
  db: Db;
  config: AuthConfig;
  limits: RateLimits;
}

export type Handler = (ctx: AuthContext, req: AuthRequest, params: Record<string, string>) => Promise<AuthResponse>;
