/** A round top for a value axis and its tick values (0, step, 2·step, …): 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, wanted = 4): number[] {
  if (max <= 0) {
    return [0, 1];
  }
  const rough = max / wanted;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) {
    ticks.push(Math.round(value * 10) / 10);
  }
  return ticks;
}

/** Which category labels fit under a chart: every one when few, every 2nd, 4th, … when many. */
export function labelEvery(count: number, room = 13): number {
  return Math.max(1, Math.ceil(count / room));
}
