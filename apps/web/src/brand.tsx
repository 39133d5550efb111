import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { api, unwrap } from './api/client';

type BrandingAnswer = NonNullable<Awaited<ReturnType<typeof loadBranding>>>;

export type Branding = BrandingAnswer;

const FALLBACK: Branding = { companyName: '', primaryColor: '#1d4ed8', logoUrl: null, privacyPolicyUrl: null, locales: ['en', 'de'], mailboxUrl: null };

function loadBranding() {
  return unwrap(api.GET('/api/v1/branding'));
}

const BrandContext = createContext<Branding>(FALLBACK);

// The company's look from the api (config): the name in the header and title, the colour as a CSS
// custom property every component uses, the logo and the policy link in the layout.
export function BrandProvider({ children }: { children: ReactNode }) {
  const [brand, setBrand] = useState<Branding>(FALLBACK);
  useEffect(() => {
    loadBranding()
      .then(setBrand)
      .catch(() => setBrand(FALLBACK));
  }, []);
  useEffect(() => {
    document.documentElement.style.setProperty('--brand', brand.primaryColor);
  }, [brand.primaryColor]);
  return <BrandContext.Provider value={brand}>{children}</BrandContext.Provider>;
}

export function useBrand(): Branding {
  return useContext(BrandContext);
}
