import { CaseworkError } from '../../../lib/casework/errors.ts';

export type Guarded<T> = { ok: true; value: T } | { ok: false; error: CaseworkError | null };

/**
 * Runs a save only while the session is live. When it has ended, the workspace shows its sign-in
 * panel over the screen (ensureSession does), everything typed stays where it is, and this
 * answers `{ ok: false, error: null }`: there is nothing to show beside the fields.
 */
export async function guarded<T>(ensureSession: () => Promise<boolean>, action: () => Promise<T>): Promise<Guarded<T>> {
  if (!(await ensureSession())) return { ok: false, error: null };
  try {
    return { ok: true, value: await action() };
  } catch (error) {
    const failure = error instanceof CaseworkError ? error : new CaseworkError('unexpected', (error as Error).message);
    if (failure.sessionEnded && !(await ensureSession())) return { ok: false, error: null };
    return { ok: false, error: failure };
  }
}
