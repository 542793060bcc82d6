/** A chart's drawing area: its size and the margins kept for the axes, in its own units. */
export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}
