import type { ReactNode } from 'react';
import { labelEvery, niceTicks } from './chart-scale';

// The shared geometry of the week charts: one slot per week (narrower when there are many), a
// value axis from 0 with round ticks.
const WIDE_SLOT = 44;
const NARROW_SLOT = 26;
const LEFT = 44;
const RIGHT = 12;
export const TOP = 24;
export const PLOT_HEIGHT = 200;
const BOTTOM = 36;

export interface ChartGeometry {
  slot: number;
  width: number;
  height: number;
  top: number;
  ticks: number[];
  /** The left edge of a category's slot. */
  slotX(index: number): number;
  y(value: number): number;
}

export function chartGeometry(count: number, max: number): ChartGeometry {
  const ticks = niceTicks(max);
  const topValue = ticks[ticks.length - 1];
  const slot = count > 26 ? NARROW_SLOT : WIDE_SLOT;
  return {
    slot,
    width: LEFT + Math.max(count, 1) * slot + RIGHT,
    height: TOP + PLOT_HEIGHT + BOTTOM,
    top: TOP,
    ticks,
    slotX: (index) => LEFT + index * slot,
    y: (value) => TOP + PLOT_HEIGHT - (value / topValue) * PLOT_HEIGHT,
  };
}

interface ChartFrameProps {
  id: string;
  title: string;
  description: string;
  geometry: ChartGeometry;
  labels: string[];
  axisLabel: string;
  defs?: ReactNode;
  children: ReactNode;
}

/**
 * An accessible SVG chart: role="img" named by its title and described by a sentence with the
 * figures that matter; gridlines, the value axis and the week labels. Wider than a phone on purpose
 * (labels stay legible): its container scrolls and can be scrolled with the keyboard.
 */
export function ChartFrame({ id, title, description, geometry, labels, axisLabel, defs, children }: ChartFrameProps) {
  // A date label needs about 50 units; thin them out to fit the slots.
  const every = labelEvery(labels.length, Math.floor((labels.length * geometry.slot) / 56) || 1);
  const { width, height, ticks } = geometry;
  return (
    <div className="chart-scroll" tabIndex={0} role="group" aria-label={title}>
      <svg className="chart" id={id} viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {defs}
        <text className="chart-axis-label" x={4} y={12}>
          {axisLabel}
        </text>
        {ticks.map((tick) => (
          <g key={tick} className="chart-tick">
            <line x1={geometry.slotX(0)} x2={width - 8} y1={geometry.y(tick)} y2={geometry.y(tick)} className={tick === 0 ? 'chart-baseline' : 'chart-grid'} />
            <text x={geometry.slotX(0) - 6} y={geometry.y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {children}
        {labels.map((label, index) =>
          index % every === 0 ? (
            <text key={index} className="chart-label" x={geometry.slotX(index) + geometry.slot / 2} y={height - 14} textAnchor="middle">
              {label}
            </text>
          ) : null,
        )}
      </svg>
    </div>
  );
}
