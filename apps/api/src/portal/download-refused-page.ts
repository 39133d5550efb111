import { escapeHtml } from '@rightsdesk/mail';

export type PageLanguage = 'en' | 'de';

/** The first of our languages the browser asks for (Accept-Language, in its order), else English. */
export function pageLanguage(acceptLanguage: string | undefined): PageLanguage {
  for (const part of (acceptLanguage ?? '').slice(0, 500).split(',')) {
    const base = part.trim().slice(0, 2).toLowerCase();
    if (base === 'de' || base === 'en') {
      return base;
    }
  }
  return 'en';
}

const REFUSED = {
  gone: {
    en: {
      title: 'This download link no longer works',
      body: 'It has expired or has been used as many times as allowed. Packages are deleted when their link expires. If you still need your data, file a new request.',
      back: 'Go to the privacy center',
    },
    de: {
      title: 'Dieser Download-Link funktioniert nicht mehr',
      body: 'Er ist abgelaufen oder wurde so oft verwendet wie erlaubt. Pakete werden gelöscht, wenn ihr Link abläuft. Wenn Sie Ihre Daten noch brauchen, stellen Sie eine neue Anfrage.',
      back: 'Zum Datenschutzcenter',
    },
  },
  rate_limited: {
    en: {
      title: 'Too many attempts',
      body: 'Please wait a while and try again. Your download has not been used.',
      back: 'Go to the privacy center',
    },
    de: {
      title: 'Zu viele Versuche',
      body: 'Bitte warten Sie eine Weile und versuchen Sie es erneut. Ihr Download wurde nicht verbraucht.',
      back: 'Zum Datenschutzcenter',
    },
  },
} as const;

// What the download button's native form POST answers when it cannot stream the file: the one page
// the api still renders (the privacy center itself is the web app). No scripts, inline CSS only, so
// the strict Content-Security-Policy holds.
export function downloadRefusedPage(reason: keyof typeof REFUSED, lang: PageLanguage): string {
  const text = REFUSED[reason][lang];
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(text.title)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; color: #1f2937; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; }
  a { color: #1d4ed8; }
  a:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.body)}</p>
<p><a href="/">${escapeHtml(text.back)}</a></p>
</main>
</body>
</html>`;
}
