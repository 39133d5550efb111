import { SERIES_COLOURS } from './chart-patterns';
import { ChartFrame, chartGeometry } from './chart-frame';

interface LineChartProps {
  id: string;
  title: string;
  description: string;
  labels: string[];
  /** null: no point (a week not begun). */
  values: Array<number | null>;
  axisLabel: string;
}

// A trend: one point per week (a `.chart-point`), joined where consecutive, each with its value
// written above it, so the line never has to be read against the axis alone.
export function LineChart({ id, title, description, labels, values, axisLabel }: LineChartProps) {
  const geometry = chartGeometry(labels.length, Math.max(0, ...values.map((v) => v ?? 0)));
  const x = (index: number) => geometry.slotX(index) + geometry.slot / 2;
  const segments: string[] = [];
  values.forEach((value, index) => {
    const previous = values[index - 1];
    if (index > 0 && value !== null && previous !== null && previous !== undefined) {
      segments.push(`M${x(index - 1)},${geometry.y(previous)} L${x(index)},${geometry.y(value)}`);
    }
  });
  return (
    <ChartFrame id={id} title={title} description={description} geometry={geometry} labels={labels} axisLabel={axisLabel}>
      <path className="chart-line" d={segments.join(' ')} stroke={SERIES_COLOURS[0]} />
      {values.map((value, index) =>
        value === null ? null : (
          <g key={index} className="chart-point">
            <circle cx={x(index)} cy={geometry.y(value)} r="4.5" fill={SERIES_COLOURS[0]} stroke="#fff" strokeWidth="1.5" />
            <text className="chart-value" x={x(index)} y={geometry.y(value) - 9} textAnchor="middle">
              {value}
            </text>
          </g>
        ),
      )}
    </ChartFrame>
  );
}
