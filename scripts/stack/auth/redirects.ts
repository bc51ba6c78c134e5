// redirect_to is honoured only for the site URL's host (any port, as GoTrue compares hostnames)
// or GOTRUE_URI_ALLOW_LIST entries
// (globs: `*` within one path segment or host label, `**` across them); otherwise the site URL,
// as GoTrue does, so a mail link cannot be turned into an open redirect.
import type { AuthConfig } from './config.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+^${}()|[\]\\?]/g, '\\$&');

function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/.]*'))
    .join('.*');
  return new RegExp(`^${pattern}$`);
}

// The local stack is reached as both localhost and 127.0.0.1; locally they are one machine.
const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);
const sameHost = (a: string, b: string) => a === b || (loopback.has(a) && loopback.has(b));

export function safeRedirect(config: AuthConfig, requested: string | null | undefined): string {
  if (!requested) return config.siteUrl;
  let url: URL;
  try {
    url = new URL(requested);
  } catch {
    return config.siteUrl;
  }
  if (sameHost(url.hostname, new URL(config.siteUrl).hostname)) return requested;
  for (const entry of config.uriAllowList) {
    if (entry === requested || globToRegExp(entry).test(requested)) return requested;
  }
  return config.siteUrl;
}
