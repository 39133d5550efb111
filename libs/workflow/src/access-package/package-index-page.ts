import { DATA_CATEGORIES, type DataCategory } from '@rightsdesk/domain';
import type { Collection } from '@rightsdesk/connectors';
import type { PackageCover } from './access-package.types';
import { escapeHtml } from './html-escape';
import type { PlannedCollection, PlannedSystem } from './package-plan';
import { PACKAGE_TEXT, type PackageText, formatGeneratedAt, formatPeriod } from './package-text';

// Inline only: the page is opened from a ZIP on someone's disk, offline; the CSP forbids scripts and
// every fetch even if a value slipped through escaping.
const STYLE = `
body{margin:0;background:#f6f7f9;color:#1d2330;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:60rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.9rem;margin:0 0 .5rem}h2{margin:2.5rem 0 1rem;font-size:1.35rem}h3{margin:0 0 .25rem;font-size:1.15rem}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;background:#fff;border:1px solid #d9dde5;border-radius:8px;padding:1rem}
.meta dt{font-weight:600}.meta dd{margin:0}
section{background:#fff;border:1px solid #d9dde5;border-radius:8px;padding:1.25rem;margin:0 0 1rem}
section dl{margin:.75rem 0}section dt{font-weight:600;margin-top:.5rem}section dd{margin:0}
ul{margin:.25rem 0;padding-left:1.25rem}
table{border-collapse:collapse;width:100%;margin-top:.75rem}th,td{text-align:left;padding:.4rem .5rem;border-top:1px solid #e4e7ed;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}th.n{text-align:right}
.muted{color:#5b6475;font-size:.9rem}
.note{border-left:4px solid #c77700;background:#fff7e6;padding:.5rem .75rem}
a{color:#0b57d0}code{font-size:.9em}
`;

function categoryLabel(category: DataCategory): string {
  return DATA_CATEGORIES[category] ?? category;
}

function list(items: string[], empty: string): string {
  if (items.length === 0) {
    return `<dd>${escapeHtml(empty)}</dd>`;
  }
  return `<dd><ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul></dd>`;
}

// Relative link to an entry inside the ZIP; each segment is URL-encoded, then the whole escaped.
function href(entryPath: string): string {
  return escapeHtml(entryPath.split('/').map(encodeURIComponent).join('/'));
}

function categoriesOf(collections: Collection[]): string[] {
  const categories = new Set<DataCategory>();
  for (const collection of collections) {
    if (collection.kind === 's3') {
      categories.add(collection.category);
    }
    for (const field of collection.fields) {
      if (!field.secret) {
        categories.add(field.category);
      }
    }
  }
  return [...categories].map(categoryLabel);
}

function secretsOf(collections: Collection[]): string[] {
  return collections.flatMap((collection) =>
    collection.fields
      .filter((field) => field.secret)
      .map((field) => `${collection.name}.${field.name}: ${categoryLabel(field.category)}`),
  );
}

function collectionRow(text: PackageText, numbers: Intl.NumberFormat, planned: PlannedCollection): string {
  const { collection } = planned;
  const details: string[] = [`<code>${escapeHtml(collection.name)}</code>`];
  if (collection.description) {
    details.push(`<span class="muted">${escapeHtml(collection.description)}</span>`);
  }
  // A delete rule says how long the rows are kept; an anonymize rule only how long those fields are.
  for (const rule of collection.retention) {
    const period = formatPeriod(text, rule.period);
    const label = rule.action === 'delete' ? text.retention : `${text.anonymized} (${Object.keys(rule.anonymize ?? {}).join(', ')})`;
    details.push(`<span class="muted">${escapeHtml(label)}: ${escapeHtml(text.retentionAfter(period, rule.field))}</span>`);
  }
  const links: string[] = [];
  if (planned.jsonPath && planned.csvPath) {
    links.push(`<a href="${href(planned.jsonPath)}">JSON</a>`, `<a href="${href(planned.csvPath)}">CSV</a>`);
  }
  if (planned.filesPath) {
    links.push(escapeHtml(text.objectsIn(planned.filesPath)));
  }
  return `<tr><td>${details.join('<br>')}</td><td class="n">${escapeHtml(numbers.format(planned.found))}</td><td>${links.join(' · ')}</td></tr>`;
}

function systemSection(text: PackageText, numbers: Intl.NumberFormat, planned: PlannedSystem): string {
  const { system, state } = planned;
  const done = state === 'done';
  // A finished export tells what is held about this person; otherwise say what the system can hold.
  const held = planned.collections
    .filter((entry) => !done || entry.found > 0)
    .map((entry) => entry.collection);
  const parts: string[] = [
    `<section id="system-${escapeHtml(system.key)}">`,
    `<h3>${escapeHtml(system.title)}</h3>`,
  ];
  if (system.description) {
    parts.push(`<p>${escapeHtml(system.description)}</p>`);
  }
  if (state === 'failed') {
    parts.push(`<p class="note">${escapeHtml(text.failed)}</p>`);
  } else if (state === 'pending') {
    parts.push(`<p class="note">${escapeHtml(text.pending)}</p>`);
  } else if (held.length === 0) {
    parts.push(`<p class="muted">${escapeHtml(text.nothingFound)}</p>`);
  }
  parts.push('<dl>');
  parts.push(`<dt>${escapeHtml(text.purposes)}</dt>`, list(system.purposes, text.none));
  parts.push(`<dt>${escapeHtml(text.recipients)}</dt>`, list(system.recipients, text.none));
  const categories = categoriesOf(held);
  if (categories.length > 0) {
    parts.push(
      `<dt>${escapeHtml(done ? text.categoriesHeld : text.categoriesPossible)}</dt>`,
      list(categories, text.none),
    );
  }
  const secrets = secretsOf(held);
  if (secrets.length > 0) {
    parts.push(`<dt>${escapeHtml(text.secretHeld)}</dt>`, list(secrets, text.none));
    parts.push(`<dd class="muted">${escapeHtml(text.notIncluded)}</dd>`);
  }
  parts.push('</dl>');
  if (done) {
    parts.push(
      '<table>',
      `<thead><tr><th>${escapeHtml(text.collection)}</th><th class="n">${escapeHtml(text.records)}</th><th>${escapeHtml(text.files)}</th></tr></thead>`,
      `<tbody>${planned.collections.map((entry) => collectionRow(text, numbers, entry)).join('')}</tbody>`,
      '</table>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The package's `index.html`: a standalone page in the request's language. Every value is escaped. */
export function renderIndexPage(input: PackageCover, systems: PlannedSystem[]): string {
  const text = PACKAGE_TEXT[input.language];
  const numbers = new Intl.NumberFormat(text.locale);
  const generated = formatGeneratedAt(text, input.generatedAt);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(input.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(text.title)} · ${escapeHtml(input.companyName)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${escapeHtml(text.title)}</h1>`,
    `<p>${escapeHtml(text.intro)}</p>`,
    '<dl class="meta">',
    `<dt>${escapeHtml(text.company)}</dt><dd>${escapeHtml(input.companyName)}</dd>`,
    `<dt>${escapeHtml(text.reference)}</dt><dd>${escapeHtml(input.reference)}</dd>`,
    `<dt>${escapeHtml(text.generatedAt)}</dt><dd><time datetime="${escapeHtml(input.generatedAt.toISOString())}">${escapeHtml(generated)}</time></dd>`,
    '</dl>',
    `<h2>${escapeHtml(text.systemsHeading)}</h2>`,
    systems.length > 0
      ? systems.map((system) => systemSection(text, numbers, system)).join('\n')
      : `<p>${escapeHtml(text.noSystems)}</p>`,
    `<h2>${escapeHtml(text.formatsHeading)}</h2>`,
    `<ul>${text.formats.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
