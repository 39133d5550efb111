// Control characters (C0, DEL, C1): unprintable in names, and a NUL ends names in C-based extractors.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const MAX_SEGMENT = 200;

/**
 * An object key as a relative path inside the ZIP: object keys are anyone's strings, and an entry
 * called `../../.bashrc` or `/etc/passwd` would be written there by a careless extractor (Zip Slip).
 * Backslashes count as separators because Windows extractors treat them so.
 */
export function safeEntryPath(key: string): string {
  const segments = key
    .replace(CONTROL, '')
    .split(/[/\\]+/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '' && segment !== '.' && segment !== '..')
    // Windows reads `C:` as a drive and forbids these characters in names.
    .map((segment) => segment.replace(/[:*?"<>|]/g, '_').slice(0, MAX_SEGMENT));
  return segments.length > 0 ? segments.join('/') : 'unnamed';
}

/** `name`, or `name (2)` and so on when an earlier entry took it; case-insensitive filesystems count too. */
export function uniqueEntryPath(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const dot = name.lastIndexOf('.');
    const slash = name.lastIndexOf('/');
    candidate = dot > slash + 1 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}
