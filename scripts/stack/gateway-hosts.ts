// The gateway answers only requests addressed to this machine by a loopback name. A web page
// cannot then reach it through a DNS name it re-points at 127.0.0.1 (DNS rebinding): the
// browser would send that name as the Host.
const localHostnames = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLocalHost(hostHeader: string | undefined): boolean {
  const hostname = hostHeader?.toLowerCase().match(/^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/)?.[1];
  return hostname !== undefined && localHostnames.has(hostname);
}
