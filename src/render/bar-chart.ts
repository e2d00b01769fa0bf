import { max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { formatCount } from '../site/format.ts';

/** One bar: a category and its count. */
export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartOptions {
  /** `vertical`: columns along a time axis; `horizontal`: one labelled row per category. */
  orientation: 'vertical' | 'horizontal';
  /** Width of the drawing in SVG units; the page scales it down to fit, never up. */
  width: number;
  /** Vertical charts only: the height of the drawing. Horizontal charts grow a row per bar. */
  height?: number;
  /** Vertical charts only: at most this many category labels under the axis, evenly spaced. */
  maxCategoryLabels?: number;
  /** Size of the chart's text in SVG units; the component's CSS must set the same. Default {@link FONT_SIZE}. */
  fontSize?: number;
}

export interface ChartBar {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  value: number;
}

export interface ChartText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface ChartLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Everything a bar chart draws, as plain numbers and strings: the component only turns it into SVG elements. */
export interface BarChartGeometry {
  width: number;
  height: number;
  /** The text size the layout assumed, in SVG units. */
  fontSize: number;
  bars: ChartBar[];
  /** Lines across the plot at the value ticks (vertical charts). */
  gridLines: ChartLine[];
  /** The value axis' tick labels (vertical charts). */
  valueTicks: ChartText[];
  /** Category names: under the axis (vertical), or left of each bar (horizontal). */
  categoryLabels: ChartText[];
  /** The count written at the end of each bar (horizontal charts). */
  barValues: ChartText[];
  /** The zero line the bars stand on. */
  baseline: ChartLine;
}

/** The size of chart text in SVG units: `.chart text` in global.css sets the same. */
export const FONT_SIZE = 11;
const ROW_HEIGHT = 24;
/** The widest a column and its gap get. */
const MAX_STEP = 40;
const MAX_LABEL_CHARS = 24;

/** Lays out a bar chart: scales, bars, ticks and labels, ready to draw. */
export function barChart(data: readonly BarDatum[], options: BarChartOptions): BarChartGeometry {
  const fontSize = options.fontSize ?? FONT_SIZE;
  const text = { size: fontSize, width: (value: string) => textWidth(value, fontSize) };
  return options.orientation === 'vertical' ? columns(data, options, text) : rows(data, options, text);
}

/** Text cannot be measured at build time: lengths are estimated. */
interface TextMetrics {
  size: number;
  width: (text: string) => number;
}

function columns(data: readonly BarDatum[], options: BarChartOptions, text: TextMetrics): BarChartGeometry {
  const { width, height = 220, maxCategoryLabels = 8 } = options;
  const top = 10;
  const bottom = height - text.size - 17;
  const y = valueScale(data).range([bottom, top]);
  const ticks = y.ticks(4).filter(Number.isInteger);
  const left = 10 + Math.max(...ticks.map((tick) => text.width(formatCount(tick))));
  // A few bars are drawn at most MAX_STEP apart rather than stretched across the whole width.
  const right = Math.min(width - 8, left + Math.max(1, data.length) * MAX_STEP);
  const x = scaleBand<number>()
    .domain(data.map((_, index) => index))
    .range([left, right])
    // Hundreds of weeks leave no room for gaps; a few dozen read better with them.
    .paddingInner(data.length > 150 ? 0 : 0.2)
    .paddingOuter(0.1);
  const step = Math.max(1, Math.ceil(data.length / maxCategoryLabels));
  return {
    width,
    height,
    fontSize: text.size,
    bars: data.map((datum, index) => ({
      x: round(x(index) ?? left),
      y: round(y(datum.value)),
      width: round(x.bandwidth()),
      height: round(bottom - y(datum.value)),
      label: datum.label,
      value: datum.value,
    })),
    gridLines: ticks
      .filter((tick) => tick > 0)
      .map((tick) => ({ x1: left, y1: round(y(tick)), x2: right, y2: round(y(tick)) })),
    valueTicks: ticks.map((tick) => ({
      x: left - 6,
      y: round(y(tick) + text.size / 3),
      text: formatCount(tick),
      anchor: 'end',
    })),
    categoryLabels: data.flatMap((datum, index) => {
      if (index % step !== 0) return [];
      const half = text.width(datum.label) / 2;
      // Centred under its bar, but pulled inside the drawing when the bar is near an edge.
      const center = Math.min(Math.max((x(index) ?? left) + x.bandwidth() / 2, half), width - half);
      return [{ x: round(center), y: round(bottom + text.size + 6), text: datum.label, anchor: 'middle' as const }];
    }),
    barValues: [],
    baseline: { x1: left, y1: bottom, x2: right, y2: bottom },
  };
}

function rows(data: readonly BarDatum[], options: BarChartOptions, text: TextMetrics): BarChartGeometry {
  const { width } = options;
  const labels = data.map((datum) => truncate(datum.label, MAX_LABEL_CHARS));
  const left = 8 + Math.max(0, ...labels.map(text.width));
  const widestValue = Math.max(0, ...data.map((datum) => text.width(formatCount(datum.value))));
  const top = 4;
  const bottom = top + data.length * ROW_HEIGHT;
  const x = valueScale(data).range([left, Math.max(left + 1, width - widestValue - 8)]);
  const y = scaleBand<number>()
    .domain(data.map((_, index) => index))
    .range([top, bottom])
    .padding(0.2);
  const middle = (index: number) => (y(index) ?? top) + y.bandwidth() / 2 + text.size / 3;
  return {
    width,
    height: bottom + 4,
    fontSize: text.size,
    bars: data.map((datum, index) => ({
      x: left,
      y: round(y(index) ?? top),
      width: round(x(datum.value) - left),
      height: round(y.bandwidth()),
      label: datum.label,
      value: datum.value,
    })),
    gridLines: [],
    valueTicks: [],
    categoryLabels: labels.map((label, index) => ({
      x: left - 6,
      y: round(middle(index)),
      text: label,
      anchor: 'end',
    })),
    barValues: data.map((datum, index) => ({
      x: round(x(datum.value) + 4),
      y: round(middle(index)),
      text: formatCount(datum.value),
      anchor: 'start',
    })),
    baseline: { x1: left, y1: top, x2: left, y2: bottom },
  };
}

/** Counts from 0 to a round number above the largest; an all-zero chart still gets a unit axis. */
function valueScale(data: readonly BarDatum[]) {
  return scaleLinear()
    .domain([0, Math.max(1, max(data, (datum) => datum.value) ?? 0)])
    .nice();
}

/** The average glyph width of a sans-serif face is about half the font size; 0.62 errs on the wide side. */
function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}

/** At most `length` characters, counted in code points so a truncation never splits one. */
function truncate(text: string, length: number): string {
  const characters = [...text];
  return characters.length > length ? `${characters.slice(0, length - 1).join('')}…` : text;
}

/** One decimal is finer than a pixel and keeps the markup short. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}
