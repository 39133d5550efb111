/** Makes a pg value JSON-safe: Date → ISO string, Buffer → base64, bigint → string, NaN/Infinity → string. */
export function toJsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : value.toISOString();
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('base64');
  }
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : String(value);
  }
  if (Array.isArray(value)) {
    return value.map(toJsonSafe);
  }
  if (typeof value === 'object') {
    // pg's interval values print themselves as ISO 8601 durations.
    const printable = value as { toISOString?: () => string };
    if (typeof printable.toISOString === 'function') {
      return printable.toISOString();
    }
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, toJsonSafe(entry)]));
  }
  return value;
}
