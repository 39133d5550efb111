import type { Messages } from '../../i18n/locale';

export interface MetricsMessages {
  title: string;
  intro: string;
  period: {
    heading: string;
    presets: string;
    lastWeeks: (weeks: number) => string;
    from: string;
    to: string;
    hint: string;
    apply: string;
    toBeforeFrom: string;
    required: string;
    showing: (from: string, to: string) => string;
  };
  summary: {
    heading: string;
    received: string;
    closed: string;
    closedHint: string;
    median: string;
    mean: string;
    overdueNow: (date: string) => string;
    days: (value: string) => string;
    none: string;
  };
  byType: {
    caption: string;
    type: string;
    received: string;
    completed: string;
    denied: string;
    cancelled: string;
    expired: string;
    open: string;
    median: string;
    mean: string;
    total: string;
  };
  byStatus: { caption: string; status: string; total: string };
  charts: {
    heading: string;
    note: string;
    showData: string;
    week: string;
    weekOf: (isoWeek: string, start: string) => string;
    received: {
      title: string;
      description: (weeks: number, from: string, to: string, total: number, busiest: string | null) => string;
      caption: string;
      total: string;
    };
    median: {
      title: string;
      description: (weeks: number, withClosures: number, lowest: string | null, highest: string | null) => string;
      caption: string;
      value: string;
      closed: string;
      noneClosed: string;
      axis: string;
    };
    overdue: {
      title: string;
      description: (weeks: number, first: string | null, last: string | null, highest: string | null) => string;
      caption: string;
      value: string;
      notBegun: string;
    };
    legend: string;
    requestsAxis: string;
  };
  ccpa: {
    heading: string;
    body: string;
    year: string;
    download: (year: string) => string;
  };
}

export const metricsMessages: Messages<MetricsMessages> = {
  en: {
    title: 'Metrics',
    intro: 'How many requests came in, how quickly they were answered and how many are late. Figures count the requests received in the period, followed to their current state.',
    period: {
      heading: 'Period',
      presets: 'Quick choices',
      lastWeeks: (weeks) => `Last ${weeks} weeks`,
      from: 'From',
      to: 'To',
      hint: 'Weekly charts show whole weeks (Monday to Sunday, UTC) around these dates; at most 106 weeks.',
      apply: 'Show figures',
      toBeforeFrom: 'The end date must be on or after the start date.',
      required: 'Enter a date.',
      showing: (from, to) => `Showing ${from} to ${to}.`,
    },
    summary: {
      heading: 'Summary',
      received: 'Requests received',
      closed: 'Closed (completed or denied)',
      closedHint: 'of the requests received in the period',
      median: 'Median time to close',
      mean: 'Mean time to close',
      overdueNow: (date) => `Overdue now (open, past the due date, on ${date})`,
      days: (value) => `${value} days`,
      none: 'none closed yet',
    },
    byType: {
      caption: 'Requests received in the period, by type and where they are now',
      type: 'Type',
      received: 'Received',
      completed: 'Completed',
      denied: 'Denied',
      cancelled: 'Cancelled',
      expired: 'Expired unconfirmed',
      open: 'Still open',
      median: 'Median days to close',
      mean: 'Mean days to close',
      total: 'All types',
    },
    byStatus: { caption: 'Requests received in the period, by current status and type', status: 'Status', total: 'All types' },
    charts: {
      heading: 'Week by week',
      note: 'Weeks run Monday to Sunday in UTC. Each chart has its numbers in a table under "Show the data".',
      showData: 'Show the data',
      week: 'Week',
      weekOf: (isoWeek, start) => `${isoWeek} (from ${start})`,
      received: {
        title: 'Requests received per week, by type',
        description: (weeks, from, to, total, busiest) =>
          `Stacked bars, one per week, for ${weeks} weeks from ${from} to ${to}: ${total} requests in all${busiest ? `; the busiest week was ${busiest}` : ''}. Each type has its own pattern, named in the legend.`,
        caption: 'Requests received per week, by type',
        total: 'Total',
      },
      median: {
        title: 'Median days to close, per week',
        description: (weeks, withClosures, lowest, highest) =>
          withClosures === 0
            ? `No request was completed or denied in these ${weeks} weeks.`
            : `Bars for the ${withClosures} of ${weeks} weeks in which requests were completed or denied: the median days from receipt to closing, from ${lowest} to ${highest}. Weeks without closures have no bar.`,
        caption: 'Median days from receipt to closing of the requests completed or denied each week',
        value: 'Median days to close',
        closed: 'Requests closed',
        noneClosed: 'none closed',
        axis: 'days',
      },
      overdue: {
        title: 'Overdue requests at the end of each week',
        description: (weeks, first, last, highest) =>
          first === null
            ? 'No figures yet for these weeks.'
            : `A line over ${weeks} weeks: open requests past their due date at the end of each week, ${first} in the first week and ${last} in the last (the current week is measured now); the highest was ${highest}.`,
        caption: 'Open requests past their due date at the end of each week (now, for the current week)',
        value: 'Overdue at the end of the week',
        notBegun: 'not begun',
      },
      legend: 'Legend',
      requestsAxis: 'requests',
    },
    ccpa: {
      heading: "California's annual figures",
      body: 'The figures the CCPA regulations (11 CCR §7102) ask businesses to publish each year: per kind of request, how many were received, complied with, denied, and the median and mean days to respond, for California consumers.',
      year: 'Year',
      download: (year) => `Download the California figures for ${year} (CSV)`,
    },
  },
  de: {
    title: 'Kennzahlen',
    intro: 'Wie viele Anfragen eingingen, wie schnell sie beantwortet wurden und wie viele überfällig sind. Gezählt werden die im Zeitraum eingegangenen Anfragen, mit ihrem heutigen Stand.',
    period: {
      heading: 'Zeitraum',
      presets: 'Schnellauswahl',
      lastWeeks: (weeks) => `Letzte ${weeks} Wochen`,
      from: 'Von',
      to: 'Bis',
      hint: 'Die Wochendiagramme zeigen ganze Wochen (Montag bis Sonntag, UTC) um diese Daten; höchstens 106 Wochen.',
      apply: 'Kennzahlen anzeigen',
      toBeforeFrom: 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.',
      required: 'Geben Sie ein Datum ein.',
      showing: (from, to) => `Angezeigt: ${from} bis ${to}.`,
    },
    summary: {
      heading: 'Überblick',
      received: 'Eingegangene Anfragen',
      closed: 'Abgeschlossen (erledigt oder abgelehnt)',
      closedHint: 'von den im Zeitraum eingegangenen Anfragen',
      median: 'Median der Bearbeitungsdauer',
      mean: 'Mittlere Bearbeitungsdauer',
      overdueNow: (date) => `Jetzt überfällig (offen, Frist überschritten, am ${date})`,
      days: (value) => `${value} Tage`,
      none: 'noch keine abgeschlossen',
    },
    byType: {
      caption: 'Im Zeitraum eingegangene Anfragen nach Art und heutigem Stand',
      type: 'Art',
      received: 'Eingegangen',
      completed: 'Erledigt',
      denied: 'Abgelehnt',
      cancelled: 'Storniert',
      expired: 'Unbestätigt verfallen',
      open: 'Noch offen',
      median: 'Median Tage bis Abschluss',
      mean: 'Mittel Tage bis Abschluss',
      total: 'Alle Arten',
    },
    byStatus: { caption: 'Im Zeitraum eingegangene Anfragen nach heutigem Status und Art', status: 'Status', total: 'Alle Arten' },
    charts: {
      heading: 'Woche für Woche',
      note: 'Wochen laufen von Montag bis Sonntag (UTC). Die Zahlen jedes Diagramms stehen unter „Daten anzeigen“ in einer Tabelle.',
      showData: 'Daten anzeigen',
      week: 'Woche',
      weekOf: (isoWeek, start) => `${isoWeek} (ab ${start})`,
      received: {
        title: 'Eingegangene Anfragen pro Woche, nach Art',
        description: (weeks, from, to, total, busiest) =>
          `Gestapelte Balken, einer pro Woche, für ${weeks} Wochen von ${from} bis ${to}: insgesamt ${total} Anfragen${busiest ? `; die meisten in der Woche ${busiest}` : ''}. Jede Art hat ihr eigenes Muster, benannt in der Legende.`,
        caption: 'Eingegangene Anfragen pro Woche, nach Art',
        total: 'Summe',
      },
      median: {
        title: 'Median der Tage bis zum Abschluss, pro Woche',
        description: (weeks, withClosures, lowest, highest) =>
          withClosures === 0
            ? `In diesen ${weeks} Wochen wurde keine Anfrage erledigt oder abgelehnt.`
            : `Balken für die ${withClosures} von ${weeks} Wochen, in denen Anfragen erledigt oder abgelehnt wurden: der Median der Tage vom Eingang bis zum Abschluss, von ${lowest} bis ${highest}. Wochen ohne Abschlüsse haben keinen Balken.`,
        caption: 'Median der Tage vom Eingang bis zum Abschluss der in jeder Woche erledigten oder abgelehnten Anfragen',
        value: 'Median Tage bis Abschluss',
        closed: 'Abgeschlossene Anfragen',
        noneClosed: 'keine abgeschlossen',
        axis: 'Tage',
      },
      overdue: {
        title: 'Überfällige Anfragen am Ende jeder Woche',
        description: (weeks, first, last, highest) =>
          first === null
            ? 'Für diese Wochen gibt es noch keine Zahlen.'
            : `Eine Linie über ${weeks} Wochen: offene Anfragen mit überschrittener Frist am Ende jeder Woche, ${first} in der ersten und ${last} in der letzten Woche (die laufende Woche zählt jetzt); der höchste Wert war ${highest}.`,
        caption: 'Offene Anfragen mit überschrittener Frist am Ende jeder Woche (für die laufende Woche: jetzt)',
        value: 'Überfällig am Wochenende',
        notBegun: 'noch nicht begonnen',
      },
      legend: 'Legende',
      requestsAxis: 'Anfragen',
    },
    ccpa: {
      heading: 'Jahreszahlen für Kalifornien',
      body: 'Die Zahlen, die die CCPA-Verordnung (11 CCR §7102) jährlich zu veröffentlichen verlangt: je Art der Anfrage, wie viele eingingen, erfüllt oder abgelehnt wurden, und Median und Mittel der Tage bis zur Antwort, für kalifornische Verbraucher.',
      year: 'Jahr',
      download: (year) => `Kalifornische Zahlen für ${year} herunterladen (CSV)`,
    },
  },
};
