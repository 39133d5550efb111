import { ChartPatterns, LegendSwatch, patternId } from './chart-patterns';
import { ChartFrame, chartGeometry } from './chart-frame';

export interface BarSeries {
  key: string;
  label: string;
  values: Array<number | null>;
}

interface BarChartProps {
  id: string;
  title: string;
  description: string;
  labels: string[];
  /** One series draws plain bars; several stack, each with its own pattern and a legend. */
  series: BarSeries[];
  axisLabel: string;
  legendLabel: string;
  format(value: number): string;
}

// One bar per week (a `.chart-bar` group), its segments stacked bottom-up in series order, the
// week's total written above it. A week with no value has no bar.
export function BarChart({ id, title, description, labels, series, axisLabel, legendLabel, format }: BarChartProps) {
  const totals = labels.map((_, index) => series.reduce<number | null>((sum, s) => (s.values[index] === null ? sum : (sum ?? 0) + (s.values[index] ?? 0)), null));
  const geometry = chartGeometry(labels.length, Math.max(0, ...totals.map((t) => t ?? 0)));
  return (
    <>
      {series.length > 1 ? (
        <ul className="chart-legend" aria-label={legendLabel}>
          {series.map((s, index) => (
            <li key={s.key}>
              <LegendSwatch chartId={id} index={index} />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <ChartFrame id={id} title={title} description={description} geometry={geometry} labels={labels} axisLabel={axisLabel} defs={<ChartPatterns chartId={id} count={series.length} />}>
        {labels.map((label, index) => {
          const total = totals[index];
          if (total === null || total === 0) {
            return null;
          }
          const barWidth = geometry.slot * 0.62;
          const x = geometry.slotX(index) + (geometry.slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={label + index} className="chart-bar" data-index={index}>
              {series.map((s, seriesIndex) => {
                const value = s.values[index] ?? 0;
                if (value <= 0) {
                  return null;
                }
                const y = geometry.y(base + value);
                const height = geometry.y(base) - y;
                base += value;
                return <rect key={s.key} className="chart-segment" x={x} y={y} width={barWidth} height={height} fill={`url(#${patternId(id, seriesIndex)})`} stroke="#fff" strokeWidth="1" />;
              })}
              <text className="chart-value" x={x + barWidth / 2} y={geometry.y(total) - 5} textAnchor="middle">
                {format(total)}
              </text>
            </g>
          );
        })}
      </ChartFrame>
    </>
  );
}
