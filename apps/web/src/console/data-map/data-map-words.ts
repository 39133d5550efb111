import { isDataCategory } from '@rightsdesk/domain';
import type { DataMapMessages } from './data-map.messages';
import type { DataMapCollection, DataMapErasure } from './data-map-types';
import { parseIsoDuration } from './iso-duration';

// Codes of the data map in the reader's words.
export function categoryName(m: DataMapMessages, category: string): string {
  return isDataCategory(category) ? m.categories[category] : category;
}

export function erasureWords(m: DataMapMessages, erasure: DataMapErasure): string {
  switch (erasure.action) {
    case 'replace':
      return m.erasure.replace(JSON.stringify(erasure.value));
    case 'keep':
      return m.erasure.keep(erasure.reason ?? '');
    default:
      return m.erasure[erasure.action];
  }
}

export function durationWords(m: DataMapMessages, iso: string): string {
  const parts = parseIsoDuration(iso);
  return parts ? m.duration(parts) : iso;
}

export function subjectWords(m: DataMapMessages, subject: DataMapCollection['subject']): string {
  const kind = (k: string) => m.identityKinds[k] ?? k;
  switch (subject.by) {
    case 'identity':
      return m.subject.identity(subject.identities.map((i) => m.subject.identityField(i.field ?? '', kind(i.kind))).join('; '));
    case 'reference':
      return subject.reference ? m.subject.reference(subject.reference.field, subject.reference.collection, subject.reference.toField) : '';
    case 'key_template':
      return m.subject.keyTemplate(subject.keyTemplate ?? '');
    case 'provider':
      return m.subject.provider(subject.identities.map((i) => kind(i.kind)).join(', '));
    case 'suppression':
      return m.subject.suppression;
  }
}
