import { type ReactNode, useEffect, useRef } from 'react';
import { useBrand } from '../brand';
import { commonMessages } from '../i18n/common.messages';
import { LOCALES, type Locale, useLocale, useMessages } from '../i18n/locale';
import { Link } from '../routing/router';

interface PageProps {
  /** The page's own title; the document title adds the company's name. */
  title: string;
  children: ReactNode;
  /** Navigation for the area (the console's menu); the privacy center has none. */
  nav?: ReactNode;
  /** Where the company name in the header links to. */
  home?: string;
  wide?: boolean;
}

// Every page: a skip link, one banner, one main landmark with the page's single h1 (focused when
// the page changes, so screen reader users hear where they are), a footer with the policy link.
export function Page({ title, children, nav, home = '/', wide = false }: PageProps) {
  const brand = useBrand();
  const m = useMessages(commonMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = brand.companyName ? `${title} · ${brand.companyName}` : title;
  }, [title, brand.companyName]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <>
      <a className="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <header className="site-header">
        <div className={wide ? 'bar wide' : 'bar'}>
          <Link to={home} className="brand-name">
            {brand.logoUrl ? <img src={brand.logoUrl} alt="" className="brand-logo" /> : null}
            <span>{brand.companyName}</span>
          </Link>
          {nav}
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className={wide ? 'content wide' : 'content'}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
      <footer className="site-footer">
        <div className={wide ? 'bar wide' : 'bar'}>
          {brand.privacyPolicyUrl ? <a href={brand.privacyPolicyUrl}>{m.privacyPolicy}</a> : null}
          <span>{brand.companyName}</span>
        </div>
      </footer>
    </>
  );
}

function LanguageSwitcher() {
  const { locale, setLocale } = useLocale();
  const m = useMessages(commonMessages);
  return (
    <div className="language-switcher">
      <label htmlFor="language">{m.language}</label>
      <select id="language" value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {m.languageNames[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
