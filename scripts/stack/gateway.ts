import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

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
  apiKeys: string[];
  allowedOrigins: string[];
}

// Kong leaves these Auth routes open: mail links are clicked without an API key.
const openAuthRoutes = ['/verify', '/callback', '/authorize', '/health'];

const corsHeaders = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS, HEAD',
  'Access-Control-Allow-Headers':
    'authorization, apikey, content-type, x-client-info, x-supabase-api-version, prefer, range, accept, accept-profile, content-profile, x-retry-count',
  'Access-Control-Expose-Headers': 'content-range, content-location, x-supabase-api-version, location',
  'Access-Control-Max-Age': '3600',
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function apiKeyOf(req: IncomingMessage, url: URL): string | undefined {
  const header = req.headers.apikey;
  return (Array.isArray(header) ? header[0] : header) ?? url.searchParams.get('apikey') ?? undefined;
}

function proxy(req: IncomingMessage, res: ServerResponse, target: string, headers: IncomingMessage['headers']): void {
  const upstream = request(target, { method: req.method, headers }, (upstreamRes) => {
    res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
    upstreamRes.pipe(res);
  });
  upstream.on('error', (error) => {
    if (!res.headersSent) sendJson(res, 502, { message: `Upstream unavailable: ${error.message}` });
    else res.destroy();
  });
  req.pipe(upstream);
}

export function handleRequest(options: GatewayOptions) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', `http://${options.host}`);
    const origin = req.headers.origin;
    if (origin && options.allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      for (const [name, value] of Object.entries(corsHeaders)) res.setHeader(name, value);
    }
    // Functions answer their own preflight requests on Supabase, so theirs go through.
    if (req.method === 'OPTIONS' && !url.pathname.startsWith('/functions/v1/')) {
      res.writeHead(204).end();
      return;
    }

    const route = url.pathname.match(/^\/(rest|auth|functions)\/v1(\/.*)?$/);
    if (url.pathname === '/mailbox' || url.pathname.startsWith('/mailbox/')) {
      return proxy(req, res, `${options.authUrl}${url.pathname}${url.search}`, req.headers);
    }
    if (!route) return sendJson(res, 404, { message: 'no Route matched with those values' });

    const [, service, rest = '/'] = route;
    // Functions check callers themselves (Supabase's verify_jwt), so the gateway does not demand a key.
    const open = (service === 'auth' && openAuthRoutes.includes(rest)) || service === 'functions';
    const key = apiKeyOf(req, url);
    if (!open && !key)
      return sendJson(res, 401, { message: 'No API key found in request', hint: 'Send your project API key in the apikey header.' });
    if (!open && key && !options.apiKeys.includes(key))
      return sendJson(res, 401, {
        message: 'Invalid API key',
        hint: 'Double check the apikey header holds your anon or service_role key.',
      });

    const headers = { ...req.headers };
    delete headers.host;
    if (!headers.authorization && key) headers.authorization = `Bearer ${key}`;
    if (service === 'rest') return proxy(req, res, `${options.postgrestUrl}${rest}${url.search}`, headers);
    if (service === 'functions') {
      if (!options.functionsUrl) return sendJson(res, 404, { message: 'Edge Functions are not running in this stack' });
      return proxy(req, res, `${options.functionsUrl}${rest}${url.search}`, headers);
    }
    return proxy(req, res, `${options.authUrl}${rest}${url.search}`, headers);
  };
}

export function startGateway(options: GatewayOptions): Promise<Server> {
  const server = createServer(handleRequest(options));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve(server));
  });
}
