// The mailbox page people read. Mail bodies are shown as escaped text and links, never as raw
// HTML: addresses and redirect URLs in them come from whoever called the API.
import { escapeHtml } from './html.ts';
import type { StoredMail } from './mailbox.ts';

const safeHref = (link: string) => (/^https?:\/\//i.test(link) ? link : '#');

function renderMessage(m: StoredMail): string {
  const links = m.links.map((l) => `<li><a href="${escapeHtml(safeHref(l))}">${escapeHtml(l)}</a></li>`).join('');
  return `<article>
  <h2>${escapeHtml(m.subject)}</h2>
  <p class="meta">To <strong>${escapeHtml(m.to)}</strong> from ${escapeHtml(m.from)}, ${escapeHtml(m.created_at)}</p>
  <pre>${escapeHtml(m.text)}</pre>
  ${links ? `<ul>${links}</ul>` : ''}
</article>`;
}

export function renderMailboxPage(messages: StoredMail[], to: string | null): string {
  const title = to ? `Mail to ${to}` : 'All mail';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Signpost local mailbox</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
article { border-top: 1px solid #999; padding: 1rem 0; }
pre { white-space: pre-wrap; word-break: break-all; background: #f3f3f3; padding: 0.75rem; }
.meta { color: #333; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>Development only: mail the local Auth server and Signpost's notifier would have sent. Hosted Supabase and your SMTP provider send real mail.</p>
<form method="get"><label for="to">Recipient</label> <input id="to" name="to" type="email" value="${escapeHtml(to ?? '')}"> <button>Show</button></form>
${messages.length ? messages.map(renderMessage).join('\n') : '<p>No mail yet.</p>'}
</main>
</body>
</html>`;
}
