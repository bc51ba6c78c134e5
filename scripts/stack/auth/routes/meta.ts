// GET /health, GET /settings and the local mailbox (page and JSON).
import type { Handler } from '../context.ts';
import { requireAdmin } from '../guard.ts';
import { ok } from '../http.ts';
import { listMail } from '../mailbox.ts';
import { renderMailboxPage } from '../mailbox-page.ts';
import { publicJwks } from '../../signing-keys.ts';

export const AUTH_SERVER_VERSION = 'signpost-local-gotrue-1';

export const health: Handler = () =>
  Promise.resolve(
    ok({
      version: AUTH_SERVER_VERSION,
      name: 'GoTrue',
      description:
        'Signpost local Auth: a development/test-only stand-in for Supabase Auth (GoTrue). Production uses hosted Supabase Auth.',
    }),
  );

/** The public signing keys, as GoTrue's /.well-known/jwks.json (the HS256 secret is never listed). */
export const jwks: Handler = (ctx) => Promise.resolve(ok(publicJwks(ctx.config.jwtKeys()), { 'cache-control': 'public, max-age=600' }));

export const settings: Handler = (ctx) =>
  Promise.resolve(
    ok({
      external: {
        anonymous_users: ctx.config.anonymousEnabled,
        email: ctx.config.emailEnabled,
        phone: false,
        apple: false,
        azure: false,
        bitbucket: false,
        discord: false,
        facebook: false,
        figma: false,
        github: false,
        gitlab: false,
        google: false,
        keycloak: false,
        kakao: false,
        linkedin: false,
        linkedin_oidc: false,
        notion: false,
        slack: false,
        slack_oidc: false,
        spotify: false,
        twitch: false,
        twitter: false,
        workos: false,
        zoom: false,
      },
      disable_signup: ctx.config.disableSignup,
      mailer_autoconfirm: ctx.config.mailerAutoconfirm,
      phone_autoconfirm: false,
      sms_provider: '',
      saml_enabled: false,
    }),
  );

// The JSON API hands out every code and link the server mailed, so it takes the project's
// secret (service-role) key, like the admin API. The page stays open for people on this machine.
export const mailboxJson: Handler = async (ctx, req) => {
  await requireAdmin(ctx, req);
  const messages = await listMail(ctx.db, req.query.get('to'), Number(req.query.get('limit')) || 50);
  return ok({ messages });
};

export const mailboxPage: Handler = async (ctx, req) => {
  const to = req.query.get('to') || null;
  return { status: 200, html: renderMailboxPage(await listMail(ctx.db, to), to) };
};
