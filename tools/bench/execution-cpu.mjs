// CPU time spent by processes, read from /proc (Linux), to show where a measured stretch's work
// went: a 2-core machine that is CPU-bound can go no faster than 2 s of CPU per second.
import { readdir, readFile } from 'node:fs/promises';

// USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux build that matters here.
const TICKS_PER_SECOND = 100;

async function stat(pid) {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields are counted after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** CPU seconds used so far by `pid`, plus by its direct children when `withChildren`. */
export async function cpuSeconds(pid, { withChildren = false } = {}) {
  let total = (await stat(pid))?.seconds ?? 0;
  if (withChildren) {
    for (const entry of await readdir('/proc').catch(() => [])) {
      if (/^\d+$/.test(entry)) {
        const child = await stat(entry);
        if (child?.ppid === pid) {
          total += child.seconds;
        }
      }
    }
  }
  return total;
}

/** Snapshot of several named processes; `since(before)` gives CPU seconds per name in between. */
export async function cpuSnapshot(processes) {
  const entries = await Promise.all(
    Object.entries(processes).map(async ([name, spec]) => [name, spec.self ? process.cpuUsage() : await cpuSeconds(spec.pid, spec)]),
  );
  return Object.fromEntries(entries.map(([name, value]) => [name, typeof value === 'number' ? value : (value.user + value.system) / 1e6]));
}

export function cpuSince(before, after) {
  return Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]]));
}
