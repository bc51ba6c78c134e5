// Features this project does not switch on (phone, OAuth and ID-token providers, SSO/SAML, Web3,
// passkeys, manual identity linking). Each answers exactly as GoTrue does on a project where the
// feature is off, with GoTrue's status, error code and message, so an app handles the same error
// locally and on hosted Supabase.
import type { Handler } from '../context.ts';
import { badRequest, notFound, unprocessable } from '../errors.ts';
import { str } from '../http.ts';
import { requireAdmin } from '../guard.ts';

/** Every external OAuth provider GoTrue knows; /settings lists the same names, all switched off. */
export const oauthProviders = [
  'apple',
  'azure',
  'bitbucket',
  'discord',
  'facebook',
  'figma',
  'fly',
  'github',
  'gitlab',
  'google',
  'kakao',
  'keycloak',
  'linkedin',
  'linkedin_oidc',
  'notion',
  'slack',
  'slack_oidc',
  'snapchat',
  'spotify',
  'twitch',
  'twitter',
  'x',
  'workos',
  'zoom',
];

/** GET /authorize?provider=…: GoTrue's ExternalProviderRedirect for a provider that is off. */
export const authorize: Handler = (_ctx, req) => {
  const provider = req.query.get('provider') ?? '';
  const reason = oauthProviders.includes(provider.toLowerCase()) ? 'provider is not enabled' : `Provider ${provider} could not be found`;
  return Promise.reject(badRequest('validation_failed', `Unsupported provider: ${reason}`));
};

/** GET /user/identities/authorize (linkIdentity): manual linking is off by default. */
export const linkIdentity: Handler = () => Promise.reject(notFound('manual_linking_disabled', 'Manual linking is disabled'));

/** /sso and /sso/saml/*, and the admin SSO API: SAML is off. */
export const samlDisabled: Handler = () => Promise.reject(notFound('saml_provider_disabled', 'SAML 2.0 is disabled'));

/** The admin SSO API: admin credentials are checked first, then SAML is off. */
export const adminSamlDisabled: Handler = async (ctx, req, params) => {
  await requireAdmin(ctx, req);
  return samlDisabled(ctx, req, params);
};

/** /passkeys/*: passkeys are off. */
export const passkeysDisabled: Handler = () => Promise.reject(notFound('passkey_disabled', 'Passkeys are disabled'));

/** POST /token?grant_type=web3 (signInWithWeb3): neither Solana nor Ethereum is on. */
export const web3Grant: Handler = () => Promise.reject(unprocessable('web3_provider_disabled', 'Web3 provider is disabled'));

const fixedIssuers: Record<string, string> = {
  google: 'https://accounts.google.com',
  facebook: 'https://www.facebook.com',
  kakao: 'https://kauth.kakao.com',
  snapchat: 'https://accounts.snapchat.com',
  keycloak: '',
};

function issuerIn(idToken: string): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof claims.iss === 'string' ? claims.iss : undefined;
  } catch {
    return undefined;
  }
}

/** POST /token?grant_type=id_token (signInWithIdToken): GoTrue's IdTokenGrant with every provider off. */
export const idTokenGrant: Handler = (_ctx, req) => {
  const provider = str(req.body, 'provider') ?? '';
  const idToken = str(req.body, 'id_token') ?? '';
  const disabled = (issuer: string) => badRequest('provider_disabled', `Provider (issuer ${JSON.stringify(issuer)}) is not enabled`);
  if (!idToken) return Promise.reject(badRequest('validation_failed', 'id_token required'));
  if (provider in fixedIssuers) return Promise.reject(disabled(fixedIssuers[provider]!));
  if (provider === 'apple' || provider === 'azure') {
    const name = provider === 'apple' ? 'Apple' : 'Azure';
    const issuer = issuerIn(idToken);
    if (!issuer) return Promise.reject(badRequest('validation_failed', `Unable to detect issuer in ID token for ${name} provider`));
    const matches =
      provider === 'apple'
        ? issuer === 'https://appleid.apple.com' || issuer === 'https://account.apple.com'
        : issuer.startsWith('https://login.microsoftonline.com/') || issuer.startsWith('https://sts.windows.net/');
    if (!matches) return Promise.reject(badRequest('validation_failed', `Detected ID token issuer is not an ${name} ID token issuer`));
    return Promise.reject(disabled(issuer));
  }
  return Promise.reject(badRequest('validation_failed', `Custom OIDC provider ${JSON.stringify(provider)} not allowed`));
};
