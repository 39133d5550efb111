// The taxonomy a data map labels every field with. Small on purpose: officers read it in access
// packages and erasure certificates, and the web console groups by it. Names follow the reference
// privacy policy's own words (name, email, phone, billing address, card expiry and last four digits,
// browser, device, operating system, language, time stamps, visited pages, IP address).
export const DATA_CATEGORIES = {
  name: 'Name',
  'contact.email': 'Email address',
  'contact.phone': 'Phone number',
  'contact.address': 'Postal address',
  'billing.address': 'Billing address',
  'payment.card_last4': 'Last four digits of a payment card',
  'payment.card_expiry': 'Payment card expiry date',
  'account.id': 'Account identifier',
  'account.username': 'Username',
  'account.credentials': 'Password hash or access token',
  'demographic.birth_date': 'Date of birth',
  'device.ip': 'IP address',
  'device.browser': 'Browser name and version',
  'device.os': 'Operating system',
  'device.type': 'Type of device',
  'device.id': 'Device or cookie identifier',
  'activity.page_view': 'Visited pages',
  'activity.timestamp': 'Time stamps of activity',
  'activity.purchase': 'Orders and purchases',
  'content.message': 'Messages and support tickets written by the person',
  'content.media': 'Uploaded images and files',
  'preferences.language': 'Language preference',
  'marketing.consent': 'Marketing consent and opt-outs',
  'marketing.subscription': 'Newsletter subscriptions',
  'survey.response': 'Survey answers',
  other: 'Other personal data',
} as const;

export type DataCategory = keyof typeof DATA_CATEGORIES;

export const DATA_CATEGORY_NAMES = Object.keys(DATA_CATEGORIES) as DataCategory[];

export function isDataCategory(value: unknown): value is DataCategory {
  return typeof value === 'string' && Object.hasOwn(DATA_CATEGORIES, value);
}
