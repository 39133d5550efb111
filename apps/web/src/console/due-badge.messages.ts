import type { Messages } from '../i18n/locale';

export interface DueBadgeMessages {
  overdue: (days: number) => string;
  dueToday: string;
  dueIn: (days: number) => string;
}

export const dueBadgeMessages: Messages<DueBadgeMessages> = {
  en: {
    overdue: (days) => `Overdue ${days} ${days === 1 ? 'day' : 'days'}`,
    dueToday: 'Due today',
    dueIn: (days) => `Due in ${days} ${days === 1 ? 'day' : 'days'}`,
  },
  de: {
    overdue: (days) => `${days} ${days === 1 ? 'Tag' : 'Tage'} überfällig`,
    dueToday: 'Heute fällig',
    dueIn: (days) => `Fällig in ${days} ${days === 1 ? 'Tag' : 'Tagen'}`,
  },
};
