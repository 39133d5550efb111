import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** One dictionary per locale, typed by the English one so a missing German text fails the type-check. */
export type Messages<T> = { en: T; de: T };

const STORAGE_KEY = 'rightsdesk.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

// The person's choice first, then the browser's languages in order, then English.
function initialLocale(): Locale {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLocale(stored)) {
    return stored;
  }
  for (const language of window.navigator.languages ?? []) {
    const base = language.slice(0, 2).toLowerCase();
    if (isLocale(base)) {
      return base;
    }
  }
  return 'en';
}

interface LocaleValue {
  locale: Locale;
  setLocale(locale: Locale): void;
}

const LocaleContext = createContext<LocaleValue | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(initialLocale);
  useEffect(() => {
    // Screen readers pick their voice from the page's language.
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, next);
    setState(next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) {
    throw new Error('useLocale outside LocaleProvider');
  }
  return value;
}

/** The dictionary of the current locale. */
export function useMessages<T>(messages: Messages<T>): T {
  return messages[useLocale().locale];
}

/** A calendar date (YYYY-MM-DD, UTC) as people read it in this locale. */
export function formatDate(date: string, locale: Locale): string {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
}

export function formatDateTime(iso: string, locale: Locale): string {
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(parsed) + ' UTC';
}
