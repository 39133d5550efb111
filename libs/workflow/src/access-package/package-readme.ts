import type { PackageCover } from './access-package.types';
import { PACKAGE_TEXT, formatGeneratedAt } from './package-text';

/** The package's `README.txt`, in the request's language. */
export function renderReadme(input: PackageCover): string {
  const text = PACKAGE_TEXT[input.language];
  // CRLF: Notepad on older Windows shows LF-only text as one line.
  return `${text.readme(input.companyName, input.reference, formatGeneratedAt(text, input.generatedAt)).join('\r\n')}\r\n`;
}
