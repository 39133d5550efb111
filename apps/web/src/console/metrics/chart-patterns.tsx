// Fills for chart series that differ in pattern as well as colour, so a series can be told apart
// without colour vision and in greyscale print (WCAG 1.4.1). Every colour is at least 4.5:1 against
// white, above the 3:1 that graphical objects need (1.4.11).
export const SERIES_COLOURS = ['#1d4ed8', '#b45309', '#15803d', '#7e22ce', '#be123c'];

const SIZE = 8;

function patternMarks(index: number) {
  switch (index % 5) {
    case 1:
      return <path d={`M0,${SIZE} L${SIZE},0 M-2,2 L2,-2 M${SIZE - 2},${SIZE + 2} L${SIZE + 2},${SIZE - 2}`} stroke="#fff" strokeWidth="2" />;
    case 2:
      return <circle cx={SIZE / 2} cy={SIZE / 2} r="1.8" fill="#fff" />;
    case 3:
      return <path d={`M0,0 L${SIZE},${SIZE} M${SIZE},0 L0,${SIZE}`} stroke="#fff" strokeWidth="1.5" />;
    case 4:
      return <path d={`M0,${SIZE / 2} L${SIZE},${SIZE / 2}`} stroke="#fff" strokeWidth="2" />;
    default:
      return null;
  }
}

export function patternId(chartId: string, index: number): string {
  return `${chartId}-pattern-${index}`;
}

/** The <defs> of one chart: a pattern per series (solid, stripes, dots, cross-hatch, bands). */
export function ChartPatterns({ chartId, count }: { chartId: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, index) => (
        <pattern key={index} id={patternId(chartId, index)} patternUnits="userSpaceOnUse" width={SIZE} height={SIZE}>
          <rect width={SIZE} height={SIZE} fill={SERIES_COLOURS[index % SERIES_COLOURS.length]} />
          {patternMarks(index)}
        </pattern>
      ))}
    </defs>
  );
}

/** A legend entry's sample: the series' own pattern, referenced from the chart's <defs>. */
export function LegendSwatch({ chartId, index }: { chartId: string; index: number }) {
  return (
    <svg className="legend-swatch" width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="17" height="17" fill={`url(#${patternId(chartId, index)})`} stroke="#1f2937" strokeWidth="1" />
    </svg>
  );
}
