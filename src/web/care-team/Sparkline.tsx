import { sparklinePath } from "./sparkline-geometry.ts";

/**
 * A 14-day sparkline of withdrawal scores (highest each day, % of the scale's range). Days
 * without a score leave a gap. Decorative for screen readers: the row states the figures in words.
 */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const { width, height, segments, dots } = sparklinePath(values);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
    >
      <line x1="0" y1={height - 1} x2={width} y2={height - 1} className="sparkline-base" />
      {segments.map((d) => (
        <path key={d} d={d} className="sparkline-line" />
      ))}
      {dots.map((p) => (
        <circle key={`${p.x}-${p.y}`} cx={p.x} cy={p.y} r="1.8" className="sparkline-dot" />
      ))}
    </svg>
  );
}
