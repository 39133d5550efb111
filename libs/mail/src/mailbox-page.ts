import { escapeHtml } from './escape-html';
import { type MailboxEntry, type MailboxMessage } from './mailbox-reader';

const TITLE = 'Local mailbox (demo only)';

// One <style> element and no scripts: the page is served under a strict Content-Security-Policy
// (style-src may allow this block by 'unsafe-inline' or by its hash), and nothing here needs code.
const STYLE = `
body{margin:0;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#111827;background:#f3f4f6;line-height:1.5}
header,main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.4rem;margin:0}
.notice{margin:4px 0 0;color:#4b5563}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,2fr);gap:16px}
@media (max-width:800px){main{grid-template-columns:1fr}}
section{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:16px;min-width:0}
h2{font-size:1.1rem;margin:0 0 12px}
ol{list-style:none;margin:0;padding:0}
li a{display:block;padding:8px;border-radius:6px;color:inherit;text-decoration:none;border:1px solid transparent}
li a:hover,li a:focus{border-color:#1d4ed8}
li a[aria-current]{background:#eff6ff;border-color:#1d4ed8}
.subject{display:block;font-weight:600;overflow-wrap:anywhere}
.meta{display:block;font-size:.85rem;color:#4b5563;overflow-wrap:anywhere}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0 0 16px;font-size:.9rem}
dt{color:#4b5563}
dd{margin:0;overflow-wrap:anywhere}
h3{font-size:1rem;margin:16px 0 8px}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f9fafb;border:1px solid #e5e7eb;border-radius:6px;padding:12px;margin:0;font-size:.9rem}
a{color:#1d4ed8}
iframe{width:100%;height:640px;border:1px solid #e5e7eb;border-radius:6px;background:#fff}
`;

function formatReceivedAt(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function timeElement(date: Date): string {
  return `<time datetime="${escapeHtml(date.toISOString())}">${escapeHtml(formatReceivedAt(date))}</time>`;
}

// The demo's verification and status links are in the text part; making them clickable here
// means nobody has to click through the sandboxed HTML copy, where links cannot leave the frame.
export function linkifyText(text: string): string {
  const pattern = /https?:\/\/[^\s<>"']+/g;
  let html = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index;
    html += escapeHtml(text.slice(last, start));
    html += `<a href="${escapeHtml(url)}" rel="noreferrer noopener">${escapeHtml(url)}</a>`;
    last = start + url.length;
  }
  return html + escapeHtml(text.slice(last));
}

function renderEntry(entry: MailboxEntry, selectedId: string | undefined): string {
  const current = entry.id === selectedId ? ' aria-current="true"' : '';
  return `<li><a href="?id=${encodeURIComponent(entry.id)}"${current}>
<span class="subject">${escapeHtml(entry.subject || '(no subject)')}</span>
<span class="meta">To ${escapeHtml(entry.to)} · ${timeElement(entry.receivedAt)}</span>
</a></li>`;
}

function renderSelected(message: MailboxMessage): string {
  const html =
    message.html === null
      ? ''
      : `<h3>HTML part</h3>
<iframe sandbox referrerpolicy="no-referrer" title="HTML part of this message" srcdoc="${escapeHtml(message.html)}"></iframe>`;
  return `<section aria-labelledby="message-subject">
<h2 id="message-subject">${escapeHtml(message.subject || '(no subject)')}</h2>
<dl>
<dt>From</dt><dd>${escapeHtml(message.from)}</dd>
<dt>To</dt><dd>${escapeHtml(message.to)}</dd>
<dt>Received</dt><dd>${timeElement(message.receivedAt)}</dd>
</dl>
<h3>Text part</h3>
<pre>${linkifyText(message.text)}</pre>
${html}
</section>`;
}

export function renderMailboxPage(
  entries: readonly MailboxEntry[],
  selected?: MailboxMessage | null,
): string {
  const list =
    entries.length === 0
      ? '<p>No messages yet.</p>'
      : `<ol>\n${entries.map((entry) => renderEntry(entry, selected?.id)).join('\n')}\n</ol>`;
  const detail = selected
    ? renderSelected(selected)
    : '<section><p>Select a message to read it.</p></section>';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${TITLE}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${TITLE}</h1>
<p class="notice">Messages the demo sent, as stored on this machine. Nothing here leaves it.</p>
</header>
<main>
<section aria-labelledby="inbox-heading">
<h2 id="inbox-heading">Messages (${entries.length})</h2>
${list}
</section>
${detail}
</main>
</body>
</html>
`;
}
