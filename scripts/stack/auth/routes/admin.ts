// /admin/users and /invite: service-role only. The only place app_metadata can be written.
import type { Handler } from '../context.ts';
import { audit } from '../audit.ts';
import { inTransaction, type Tx } from '../db.ts';
import { badRequest, notFound, unprocessable, validationFailed } from '../errors.ts';
import { obj, ok, str } from '../http.ts';
import { sendInvite } from '../otp.ts';
import { checkPasswordStrength, hashPassword } from '../passwords.ts';
import { requireAdmin } from '../guard.ts';
import { safeRedirect } from '../redirects.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  mergeMetadata,
  normaliseEmail,
  upsertEmailIdentity,
  userJson,
  type UserRow,
} from '../users.ts';
import { validateEmail } from '../email.ts';

const userNotFound = () => notFound('user_not_found', 'User not found');
const emailExists = () => unprocessable('email_exists', 'A user with this email address has already been registered');

/** Go duration strings ("24h", "1h30m", "90s"), as GoTrue's ban_duration takes; "none" lifts a ban. */
function banUntil(value: string): Date | null {
  if (value === 'none') return null;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== value)
    throw badRequest('validation_failed', 'invalid format for ban duration');
  return new Date(Date.now() + parts.reduce((ms, p) => ms + Number(p[1]) * units[p[2]!]!, 0));
}

async function loadUser(tx: Tx, id: string): Promise<UserRow> {
  const user = await findUserById(tx, id);
  if (!user) throw userNotFound();
  return user;
}

/** GoTrue parses page and per_page with Go's strconv.ParseUint and answers 400 with its error. */
function pageParam(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value))
    throw validationFailed(`Bad Pagination Parameters: strconv.ParseUint: parsing ${JSON.stringify(value)}: invalid syntax`);
  const n = BigInt(value);
  if (n > 18446744073709551615n)
    throw validationFailed(`Bad Pagination Parameters: strconv.ParseUint: parsing ${JSON.stringify(value)}: value out of range`);
  return Number(n);
}

export const listUsers: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const page = Math.max(1, pageParam(req.query.get('page'), 1));
  const perPage = Math.min(1000, Math.max(1, pageParam(req.query.get('per_page'), 50)));
  const { rows } = await ctx.db.query<UserRow>(
    'select * from auth.users where deleted_at is null order by created_at desc, id limit $1 offset $2',
    [perPage, (page - 1) * perPage],
  );
  const { rows: count } = await ctx.db.query<{ n: string }>('select count(*) as n from auth.users where deleted_at is null');
  const total = Number(count[0]!.n);
  const last = Math.max(1, Math.ceil(total / perPage));
  const links = [`</admin/users?page=${last}&per_page=${perPage}>; rel="last"`];
  if (page < last) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
  const users = await Promise.all(rows.map((u) => userJson(ctx.db, u)));
  return ok({ users, aud: ctx.config.jwtAud }, { 'x-total-count': String(total), link: links.join(', ') });
};

export const createUser: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const email = validateEmail(str(req.body, 'email')?.trim());
  const password = str(req.body, 'password');
  if (password !== undefined) checkPasswordStrength(ctx.config, password);
  const user = await inTransaction(ctx.db, async (tx) => {
    if (await findUserByEmail(tx, email)) throw emailExists();
    const created = await insertUser(tx, {
      email: normaliseEmail(email),
      encryptedPassword: password ? await hashPassword(password) : null,
      provider: 'email',
      userMetadata: obj(req.body, 'user_metadata') ?? {},
      appMetadata: obj(req.body, 'app_metadata') ?? {},
      confirmed: req.body.email_confirm === true,
      role: str(req.body, 'role'),
    });
    const ban = str(req.body, 'ban_duration');
    if (ban) await tx.query('update auth.users set banned_until = $2 where id = $1', [created.id, banUntil(ban)]);
    await audit(tx, 'user_signedup', created, req.ip, { provider: 'email', via: 'admin' });
    return userJson(tx, await loadUser(tx, created.id));
  });
  return ok(user);
};

export const getUserById: Handler = async (ctx, req, params) => {
  await requireAdmin(ctx, req);
  const user = await findUserById(ctx.db, params.id!);
  if (!user) throw userNotFound();
  return ok(await userJson(ctx.db, user));
};

export const updateUserById: Handler = async (ctx, req, params) => {
  await requireAdmin(ctx, req);
  const body = req.body;
  return ok(
    await inTransaction(ctx.db, async (tx) => {
      const user = await loadUser(tx, params.id!);
      const email = str(body, 'email')?.trim();
      if (email && normaliseEmail(email) !== user.email) {
        validateEmail(email);
        const taken = await findUserByEmail(tx, email);
        if (taken && taken.id !== user.id) throw emailExists();
        await tx.query('update auth.users set email = $2, is_anonymous = false where id = $1', [user.id, normaliseEmail(email)]);
        await upsertEmailIdentity(tx, user.id, normaliseEmail(email), Boolean(user.email_confirmed_at) || body.email_confirm === true);
      }
      const password = str(body, 'password');
      if (password !== undefined) {
        checkPasswordStrength(ctx.config, password);
        await tx.query('update auth.users set encrypted_password = $2 where id = $1', [user.id, await hashPassword(password)]);
      }
      const appMeta = obj(body, 'app_metadata');
      if (appMeta)
        await tx.query('update auth.users set raw_app_meta_data = $2 where id = $1', [
          user.id,
          mergeMetadata(user.raw_app_meta_data, appMeta),
        ]);
      const userMeta = obj(body, 'user_metadata');
      if (userMeta)
        await tx.query('update auth.users set raw_user_meta_data = $2 where id = $1', [
          user.id,
          mergeMetadata(user.raw_user_meta_data, userMeta),
        ]);
      if (body.email_confirm === true)
        await tx.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1', [user.id]);
      const role = str(body, 'role');
      if (role) await tx.query('update auth.users set role = $2 where id = $1', [user.id, role]);
      const ban = str(body, 'ban_duration');
      if (ban) await tx.query('update auth.users set banned_until = $2 where id = $1', [user.id, banUntil(ban)]);
      await tx.query('update auth.users set updated_at = now() where id = $1', [user.id]);
      return userJson(tx, await loadUser(tx, user.id));
    }),
  );
};

export const deleteUserById: Handler = async (ctx, req, params) => {
  await requireAdmin(ctx, req);
  await inTransaction(ctx.db, async (tx) => {
    const user = await loadUser(tx, params.id!);
    await audit(tx, 'user_deleted', user, req.ip);
    if (req.body.should_soft_delete === true) {
      await tx.query("update auth.users set deleted_at = now(), email = null, encrypted_password = '' where id = $1", [user.id]);
      await tx.query('delete from auth.sessions where user_id = $1', [user.id]);
    } else {
      await tx.query('delete from auth.users where id = $1', [user.id]);
    }
  });
  return ok({});
};

export const invite: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const email = validateEmail(str(req.body, 'email')?.trim());
  const redirectTo = safeRedirect(ctx.config, req.query.get('redirect_to'));
  return ok(
    await inTransaction(ctx.db, async (tx) => {
      let user = await findUserByEmail(tx, email);
      if (user?.email_confirmed_at) throw emailExists();
      user ??= await insertUser(tx, {
        email: normaliseEmail(email),
        encryptedPassword: null,
        provider: 'email',
        userMetadata: obj(req.body, 'data') ?? {},
        confirmed: false,
      });
      await tx.query('update auth.users set invited_at = now() where id = $1', [user.id]);
      await audit(tx, 'user_invited', user, req.ip);
      await sendInvite({ db: tx, config: ctx.config, limits: ctx.limits }, user, { redirectTo });
      return userJson(tx, await loadUser(tx, user.id));
    }),
  );
};
