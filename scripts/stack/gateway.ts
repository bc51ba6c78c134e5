import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fromBrowser, type ApiKeys } from './api-keys.ts';
import { withForwardedFor } from './forwarded-for.ts';
import { applyCors } from './gateway-cors.ts';
import { isLocalHost } from './gateway-hosts.ts';
import { proxy } from './proxy.ts';

/**
 * A small stand-in for Supabase's API gateway (Kong): one origin for REST, Auth and Edge
 * Functions, API-key checks, and CORS for the site. PostgREST has no base-path option, hence the
 * prefix mapping.
 */
export interface GatewayOptions {
  host: string;
  port: number;
  postgrestUrl: string;
  authUrl: string;
  /** The Edge Functions runtime; it gets `/functions/v1/<name>/…` as `/<name>/…`, as on Supabase. */
  functionsUrl?: string;
  /** Functions served somewhere else than `functionsUrl`, by name (the local stack runs one Deno per function). */
  functionUrls?: Record<string, string>;
  apiKeys: ApiKeys;
  allowedOrigins: string[];
}

// Kong leaves these Auth routes open: mail links are clicked without an API key, and the JWKS
// is public so anyone can verify a token.
const openAuthRoutes = ['/verify', '/callback', '/authorize', '/health', '/.well-known/jwks.json'];

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function apiKeyOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.apikey;
  return (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey') ?? undefined;
}

// Read from the query only when no header carries it (browsers' EventSource and plain links),
// then taken out: PostgREST would read `apikey=...` as a filter on a column called apikey.
function withoutApiKeyParam(search: string): string {
  const kept = search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0] !== 'apikey');
  return kept.length ? `?${kept.join('&')}` : '';
}

export function handleRequest(options: GatewayOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (!isLocalHost(req.headers.host)) {
      return sendJson(res, 403, { message: 'Host not allowed: call the local stack as localhost or 127.0.0.1' });
    }
    const url = new URL(req.url ?? '/', `http://${options.host}`);
    // Edge Functions answer CORS and their own preflight requests on Supabase (the ORUK API is
    // open to every origin); everything else is the gateway's to decide.
    const isFunction = url.pathname.startsWith('/functions/v1/');
    if (!isFunction) applyCors(res, req.headers.origin, options.allowedOrigins);
    if (req.method === 'OPTIONS' && !isFunction) {
      res.writeHead(204).end();
      return;
    }
    const forwarded = withForwardedFor(req.headers, req.socket.remoteAddress);
    const search = withoutApiKeyParam(url.search);

    // The mailbox's JSON API needs a key like the APIs (the Auth server then asks for the
    // service-role one); its page is for people on this machine.
    const route = url.pathname.match(/^\/(rest|auth|functions)\/v1(\/.*)?$/) ?? url.pathname.match(/^\/(mailbox)(\/api\/.*)$/);
    if (!route && (url.pathname === '/mailbox' || url.pathname.startsWith('/mailbox/'))) {
      return proxy(req, res, `${options.authUrl}${url.pathname}${search}`, forwarded);
    }
    if (!route) return sendJson(res, 404, { message: 'no Route matched with those values' });

    const [, service, rest = '/'] = route;
    // Functions check callers themselves (Supabase's verify_jwt), so the gateway does not demand a key.
    const open = (service === 'auth' && openAuthRoutes.includes(rest)) || service === 'functions';
    const key = apiKeyOf(req, url);
    if (!open && !key)
      return sendJson(res, 401, { message: 'No API key found in request', hint: 'Send your project API key in the apikey header.' });
    if (!open && key && !options.apiKeys.isKnown(key))
      return sendJson(res, 401, {
        message: 'Invalid API key',
        hint: 'Double check the apikey header holds your publishable or secret key (or a legacy anon or service_role key).',
      });
    if (key && options.apiKeys.isSecret(key) && fromBrowser(req.headers))
      return sendJson(res, 401, {
        message: 'Forbidden use of secret API key in browser',
        hint: 'Secret keys are for servers and scripts; a web page uses the publishable key.',
      });

    const headers = { ...forwarded };
    delete headers.host;
    if (service === 'functions' && !options.functionsUrl)
      return sendJson(res, 404, { message: 'Edge Functions are not running in this stack' });
    const upstreams: Record<string, string> = {
      rest: `${options.postgrestUrl}${rest}`,
      mailbox: `${options.authUrl}/mailbox${rest}`,
      functions: `${options.functionUrls?.[rest.split('/')[1] ?? ''] ?? options.functionsUrl}${rest}`,
      auth: `${options.authUrl}${rest}`,
    };
    const target = `${upstreams[service!]}${search}`;
    const cors = isFunction ? 'upstream' : 'gateway';
    if (!key) return proxy(req, res, target, headers, cors);
    options.apiKeys.upstreamAuthorization(key, headers.authorization).then(
      (authorization) => {
        if (authorization) headers.authorization = authorization;
        proxy(req, res, target, headers, cors);
      },
      (error: Error) => sendJson(res, 500, { message: `Could not make the role token: ${error.message}` }),
    );
  };
}

export function startGateway(options: GatewayOptions): Promise<Server> {
  const server = createServer(handleRequest(options));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
