import { escapeHtml } from '@rightsdesk/mail';

// Minimal server-rendered pages so the emailed links work before the React privacy center
// exists: no scripts, inline CSS only, so the strict Content-Security-Policy holds.
export function portalPage(title: string, body: string, lang = 'en'): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; }
  button { font: inherit; padding: .6rem 1.2rem; background: #1d4ed8; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  button:focus-visible, a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
  dt { font-weight: 600; }
  .error { border-left: 4px solid #b91c1c; padding: .5rem 1rem; background: #fef2f2; }
  ol.timeline { padding-left: 1.2rem; }
  code { background: #f3f4f6; padding: 0 .25rem; }
  .question { border-left: 4px solid #1d4ed8; padding: .5rem 1rem; background: #eff6ff; margin: 0 0 1rem 0; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  textarea { width: 100%; box-sizing: border-box; font: inherit; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export const STATUS_LABELS: Record<string, string> = {
  pending_verification: 'Waiting for you to confirm your email address',
  awaiting_review: 'Confirmed — waiting for review by our privacy team',
  on_hold: 'On hold — we asked you for information',
  approved: 'Approved',
  in_progress: 'In progress',
  completed: 'Completed',
  failed: 'Delayed — our team is looking into it',
  denied: 'Declined',
  cancelled: 'Cancelled',
  expired: 'Expired',
};

export const EVENT_LABELS: Record<string, string> = {
  received: 'Request received',
  verification_resent: 'Confirmation link sent again',
  verified: 'Email address confirmed',
  expired: 'Request expired (not confirmed in time)',
  status_changed: 'Status changed',
  deadline_extended: 'Deadline extended (see our email for the reasons)',
  information_requested: 'We asked you for information',
  information_received: 'Your answer was received',
};
