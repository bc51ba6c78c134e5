// redirect_to is honoured only for the site URL's origin or GOTRUE_URI_ALLOW_LIST entries
// (globs: `*` within one path segment or host label, `**` across them); otherwise the site URL,
// as GoTrue does, so a mail link cannot be turned into an open redirect.
import type { AuthConfig } from './config.ts';

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\?]/g, '\\$&');
  const pattern = escaped.replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/.]*').replace(/\u0000/g, '.*');
  return new RegExp(`^${pattern}$`);
}

export function safeRedirect(config: AuthConfig, requested: string | null | undefined): string {
  if (!requested) return config.siteUrl;
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return config.siteUrl;
  }
  if (url.origin === new URL(config.siteUrl).origin) return requested;
  for (const entry of config.uriAllowList) {
    if (entry === requested || globToRegExp(entry).test(requested)) return requested;
  }
  return config.siteUrl;
}
