// Word lists the generated rows pick from. The demo shop sells coffee equipment. Phone numbers use
// ranges the regulators reserve for fiction, emails the example.* domains, IPs the shared-address
// (100.64.0.0/10) and documentation (2001:db8::/32) ranges: no generated value belongs to anyone.
// None of the known demo people's surnames (Lovelace, Turing, Hopper, Child) appear here, so the
// demo's namesakes are only the ones made on purpose.

// prettier-ignore
export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Sophia', 'Lucas', 'Mia', 'Elias', 'Hannah', 'Leon', 'Amelia',
  'Mateo', 'Chloé', 'Louis', 'Zoë', 'Jonas', 'Aisha', 'Omar', 'Priya', 'Arjun', 'Mei', 'Wei', 'Yuki',
  'Haruto', 'Fatima', 'Mehmet', 'Elif', 'Lukas', 'Sofia', 'Marco', 'Giulia', 'Lars', 'Ingrid',
  'Seán', 'Siobhan', 'Kwame', 'Ama', 'Chidi', 'Ngozi', 'Carlos', 'Lucía', 'João', 'Ana', 'Pierre',
  'Camille', 'Hugo', 'Léa', 'Felix', 'Clara', 'Max', 'Marie', 'Paul', 'Anna', 'David', 'Sarah',
  'James', 'Emily', 'Daniel', 'Grace', 'Ada', 'Jakub', 'Zofia', 'Björn', 'Åsa',
];

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Jones', 'Williams', 'Brown', 'Taylor', 'Wilson', 'Müller', 'Schmidt', 'Schneider',
  'Fischer', 'Weber', 'Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'García', 'Fernández',
  'Rossi', 'Russo', 'Bianchi', 'Yılmaz', 'Kaya', 'Nowak', 'Kowalski', 'Novák', 'Jansen', 'de Vries',
  'van Dijk', "O'Brien", 'Murphy', 'Kelly', 'Walsh', 'Nguyen', 'Tran', 'Kim', 'Lee', 'Park', 'Chen',
  'Wang', 'Li', 'Zhang', 'Tanaka', 'Suzuki', 'Sato', 'Patel', 'Sharma', 'Singh', 'Khan', 'Ahmed',
  'Hassan', 'Okafor', 'Mensah', 'Silva', 'Santos', 'Costa', 'Andersson', 'Johansson', 'Nielsen',
  'Hansen', 'Petrov', 'Cohen', 'Levi', 'Øberg',
];

// prettier-ignore
export const EMAIL_DOMAINS = [
  'example.com', 'example.org', 'example.net', 'mail.example.com', 'post.example.net', 'inbox.example.org',
];

export interface DemoLocale {
  city: string;
  /** format() template: %1$s house number, %2$s street, %3$s postcode, %4$s city. */
  addressTemplate: string;
  /** Exactly four. */
  postcodes: string[];
  /** Exactly six. */
  streets: string[];
  language: string;
  phonePrefix: string;
  phoneDigits: number;
}

export const LOCALES: DemoLocale[] = [
  {
    city: 'London',
    addressTemplate: '%1$s %2$s, %4$s %3$s, United Kingdom',
    postcodes: ['N1 7GU', 'SE1 9SG', 'E2 8DY', 'W2 1JB'],
    streets: [
      'Baker Street',
      'Camden Road',
      'Kingsland Road',
      'Abbey Road',
      'Bermondsey Street',
      'Portobello Road',
    ],
    language: 'en-GB',
    phonePrefix: '+447700900',
    phoneDigits: 3,
  },
  {
    city: 'Manchester',
    addressTemplate: '%1$s %2$s, %4$s %3$s, United Kingdom',
    postcodes: ['M1 1AE', 'M4 5JD', 'M14 5LT', 'M20 2RN'],
    streets: [
      'Oxford Road',
      'Deansgate',
      'Wilmslow Road',
      'Stockport Road',
      'Chapel Street',
      'Wellington Road',
    ],
    language: 'en-GB',
    phonePrefix: '+447700900',
    phoneDigits: 3,
  },
  {
    city: 'New York',
    addressTemplate: '%1$s %2$s, %4$s, NY %3$s, United States',
    postcodes: ['10001', '10013', '11201', '11215'],
    streets: [
      'Broadway',
      'Lexington Avenue',
      'Bedford Avenue',
      'Atlantic Avenue',
      'Court Street',
      'Amsterdam Avenue',
    ],
    language: 'en-US',
    phonePrefix: '+121255501',
    phoneDigits: 2,
  },
  {
    city: 'Chicago',
    addressTemplate: '%1$s %2$s, %4$s, IL %3$s, United States',
    postcodes: ['60601', '60614', '60622', '60647'],
    streets: [
      'Michigan Avenue',
      'Halsted Street',
      'Clark Street',
      'Milwaukee Avenue',
      'Division Street',
      'Armitage Avenue',
    ],
    language: 'en-US',
    phonePrefix: '+131255501',
    phoneDigits: 2,
  },
  {
    city: 'Berlin',
    addressTemplate: '%2$s %1$s, %3$s %4$s, Germany',
    postcodes: ['10115', '10245', '10435', '12043'],
    streets: [
      'Hauptstraße',
      'Schönhauser Allee',
      'Karl-Marx-Straße',
      'Bergmannstraße',
      'Torstraße',
      'Kastanienallee',
    ],
    language: 'de-DE',
    phonePrefix: '+493023125',
    phoneDigits: 3,
  },
  {
    city: 'München',
    addressTemplate: '%2$s %1$s, %3$s %4$s, Germany',
    postcodes: ['80331', '80469', '80799', '81667'],
    streets: [
      'Leopoldstraße',
      'Sendlinger Straße',
      'Türkenstraße',
      'Rosenheimer Straße',
      'Lindwurmstraße',
      'Schellingstraße',
    ],
    language: 'de-DE',
    phonePrefix: '+498999998',
    phoneDigits: 3,
  },
  {
    city: 'Paris',
    addressTemplate: '%1$s %2$s, %3$s %4$s, France',
    postcodes: ['75002', '75011', '75015', '75018'],
    streets: [
      'rue de Rivoli',
      'boulevard Voltaire',
      'rue Oberkampf',
      'avenue de la République',
      'rue de la Roquette',
      'rue Lepic',
    ],
    language: 'fr-FR',
    phonePrefix: '+3319900',
    phoneDigits: 4,
  },
  {
    city: 'Lyon',
    addressTemplate: '%1$s %2$s, %3$s %4$s, France',
    postcodes: ['69001', '69002', '69003', '69007'],
    streets: [
      'rue de la République',
      'cours Lafayette',
      'rue Garibaldi',
      'quai Saint-Antoine',
      'rue Mercière',
      'avenue Jean Jaurès',
    ],
    language: 'fr-FR',
    phonePrefix: '+3346571',
    phoneDigits: 4,
  },
  {
    city: 'Dublin',
    addressTemplate: '%1$s %2$s, %4$s %3$s, Ireland',
    postcodes: ['D02 X285', 'D08 T6YA', 'D06 F9C3', 'D01 K7W2'],
    streets: [
      'Grafton Street',
      'Dame Street',
      'Camden Street',
      'Baggot Street',
      'Capel Street',
      'Talbot Street',
    ],
    language: 'en-IE',
    phonePrefix: '+35320910',
    phoneDigits: 4,
  },
  {
    city: 'Toronto',
    addressTemplate: '%1$s %2$s, %4$s, ON %3$s, Canada',
    postcodes: ['M5V 2T6', 'M4Y 1R5', 'M6J 1G8', 'M5A 3C4'],
    streets: [
      'Queen Street West',
      'King Street East',
      'Yonge Street',
      'Dundas Street West',
      'Spadina Avenue',
      'Bloor Street West',
    ],
    language: 'en-CA',
    phonePrefix: '+141655501',
    phoneDigits: 2,
  },
  {
    city: 'Sydney',
    addressTemplate: '%1$s %2$s, %4$s NSW %3$s, Australia',
    postcodes: ['2000', '2010', '2021', '2037'],
    streets: [
      'George Street',
      'Oxford Street',
      'King Street',
      'Crown Street',
      'Glebe Point Road',
      'Bondi Road',
    ],
    language: 'en-AU',
    phonePrefix: '+61491570',
    phoneDigits: 3,
  },
];

/** A few customers prefer a language other than their city's. */
export const OTHER_LANGUAGES = [
  'es-ES',
  'it-IT',
  'nl-NL',
  'pl-PL',
  'tr-TR',
  'pt-BR',
  'ja-JP',
  'en-GB',
  'de-DE',
];

/** Browser and operating system come in realistic pairs, hence one list of both. */
export const DEVICES: Array<{ browser: string; os: string }> = [
  { browser: 'Chrome 131', os: 'Windows 11' },
  { browser: 'Chrome 131', os: 'Windows 10' },
  { browser: 'Edge 131', os: 'Windows 11' },
  { browser: 'Firefox 133', os: 'Windows 11' },
  { browser: 'Safari 18.1', os: 'macOS 15' },
  { browser: 'Chrome 131', os: 'macOS 15' },
  { browser: 'Firefox 133', os: 'Ubuntu 24.04' },
  { browser: 'Safari 18.1', os: 'iOS 18.1' },
  { browser: 'Safari 18.1', os: 'iOS 18.1' },
  { browser: 'Chrome 131', os: 'Android 15' },
  { browser: 'Samsung Internet 26', os: 'Android 14' },
  { browser: 'Safari 17.6', os: 'iPadOS 17.6' },
];

// prettier-ignore
export const PAGES = [
  '/', '/', '/products', '/products/espresso-machine', '/products/coffee-grinder', '/products/milk-frother',
  '/products/travel-mug', '/products/pour-over-kettle', '/pricing', '/blog/how-to-brew-pour-over',
  '/blog/descaling-guide', '/cart', '/checkout', '/account', '/account/orders', '/help',
  '/help/shipping', '/help/returns', '/privacy', '/newsletter',
];

/** format() templates for ticket bodies: %1$s first name, %2$s full name. */
export const TICKETS: Array<{ subject: string; body: string }> = [
  {
    subject: 'Where is my order?',
    body: 'Hello, I ordered a week ago and the parcel has still not arrived. Could you check the tracking for me? Thanks, %2$s',
  },
  {
    subject: 'Refund request',
    body: 'Hi, the grinder I received is damaged. I would like a refund to my card. Regards, %2$s',
  },
  {
    subject: 'Change of billing address',
    body: 'Hello, I have moved. Please update my billing address before my next order. Kind regards, %2$s',
  },
  {
    subject: 'Cannot log in',
    body: 'Hi, I cannot log in since yesterday and the password reset email never arrives. %1$s',
  },
  {
    subject: 'Question about descaling',
    body: 'Hello! How often should I descale the espresso machine? Best, %1$s',
  },
  {
    subject: 'Invoice needed',
    body: 'Could you send me an invoice for my last order with my company name on it? Thank you, %2$s',
  },
  {
    subject: 'Please delete my account',
    body: 'I no longer use the shop. Please delete my account and everything you have about me. %2$s',
  },
];

/** Lower-case ASCII for emails and usernames: `Øberg` → `oberg`, `O'Brien` → `obrien`. */
export function asciiSlug(name: string): string {
  return name
    .replace(/ß/g, 'ss')
    .replace(/[Øø]/g, 'o')
    .replace(/ı/g, 'i')
    .replace(/[Łł]/g, 'l')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}
