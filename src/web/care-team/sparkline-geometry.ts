/** Geometry of a sparkline: values 0-100 (or null for none) laid out left to right. */
export interface SparklineGeometry {
  width: number;
  height: number;
  /** SVG path data, one per run of consecutive values. */
  segments: string[];
  /** Every value's point (single values show as a dot). */
  dots: { x: number; y: number }[];
}

export function sparklinePath(
  values: readonly (number | null)[],
  width = 112,
  height = 28,
): SparklineGeometry {
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const y = (v: number) => {
    const clamped = Math.min(100, Math.max(0, v));
    return Math.round((height - 2 - (clamped / 100) * (height - 4)) * 10) / 10;
  };
  const segments: string[] = [];
  const dots: { x: number; y: number }[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 1) segments.push(run.join(" "));
      run = [];
      return;
    }
    const point = { x: Math.round(i * step * 10) / 10, y: y(v) };
    dots.push(point);
    run.push(`${run.length === 0 ? "M" : "L"}${point.x} ${point.y}`);
  });
  if (run.length > 1) segments.push(run.join(" "));
  return { width, height, segments, dots };
}
