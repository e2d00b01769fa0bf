import { describe, expect, it } from 'vitest';
import { barChart } from '../../src/render/bar-chart.ts';

const weeks = [
  { label: '2018-05-07', value: 3 },
  { label: '2018-05-14', value: 0 },
  { label: '2018-05-21', value: 1 },
  { label: '2018-05-28', value: 2 },
];

/** Every number of a geometry, wherever it is nested. */
function numbers(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(numbers);
  return [];
}

describe('barChart, vertical', () => {
  const chart = barChart(weeks, { orientation: 'vertical', width: 400, height: 200, maxCategoryLabels: 2 });

  it('stands every bar on the baseline, as tall as its value', () => {
    const base = chart.baseline.y1;
    for (const bar of chart.bars) expect(bar.y + bar.height).toBeCloseTo(base, 0);
    const [three, zero, one, two] = chart.bars.map((bar) => bar.height) as [number, number, number, number];
    expect(zero).toBe(0);
    expect(three).toBeCloseTo(3 * one, 0);
    expect(two).toBeCloseTo(2 * one, 0);
  });

  it('keeps bars in order, apart and inside the drawing', () => {
    chart.bars.forEach((bar, index) => {
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(400);
      const next = chart.bars[index + 1];
      if (next) expect(next.x).toBeGreaterThanOrEqual(bar.x + bar.width);
    });
    expect(chart.bars.map((bar) => bar.label)).toEqual(weeks.map((week) => week.label));
  });

  it('ticks the value axis at whole counts only, with a grid line above zero', () => {
    expect(chart.valueTicks.map((tick) => tick.text)).toEqual(['0', '1', '2', '3']);
    expect(chart.gridLines).toHaveLength(3);
    for (const line of chart.gridLines) expect(line.y1).toBeLessThan(chart.baseline.y1);
  });

  it('labels at most the asked number of categories, evenly spaced and inside the drawing', () => {
    expect(chart.categoryLabels.map((label) => label.text)).toEqual(['2018-05-07', '2018-05-21']);
    for (const label of chart.categoryLabels) {
      const half = label.text.length * chart.fontSize * 0.31;
      expect(label.x - half).toBeGreaterThanOrEqual(0);
      expect(label.x + half).toBeLessThanOrEqual(400);
    }
  });

  it('draws an all-zero series on a unit axis, without NaN', () => {
    const flat = barChart([{ label: 'a', value: 0 }], { orientation: 'vertical', width: 300 });
    expect(flat.bars[0]?.height).toBe(0);
    expect(numbers(flat).every(Number.isFinite)).toBe(true);
    expect(flat.valueTicks.at(-1)?.text).toBe('1');
  });

  it('keeps a few columns narrow instead of stretching them across the drawing', () => {
    const one = barChart([{ label: '2018-06-04', value: 8 }], { orientation: 'vertical', width: 900 });
    expect(one.bars[0]?.width).toBeLessThanOrEqual(40);
    expect(one.baseline.x2 - one.baseline.x1).toBeLessThanOrEqual(40);
  });

  it('draws nothing but the axes for no data', () => {
    const none = barChart([], { orientation: 'vertical', width: 300 });
    expect(none.bars).toEqual([]);
    expect(numbers(none).every(Number.isFinite)).toBe(true);
  });
});

describe('barChart, horizontal', () => {
  const platforms = [
    { label: 'windows', value: 1234 },
    { label: 'a-platform-name-far-too-long-to-fit', value: 617 },
    { label: 'linux', value: 0 },
  ];
  const chart = barChart(platforms, { orientation: 'horizontal', width: 400 });

  it('grows a row per bar', () => {
    expect(chart.height).toBe(4 + 3 * 24 + 4);
    expect(chart.bars.map((bar) => bar.y)).toEqual([...chart.bars.map((bar) => bar.y)].sort((a, b) => a - b));
  });

  it('starts every bar at the label column, as long as its value', () => {
    const [first, second, third] = chart.bars as [
      (typeof chart.bars)[0],
      (typeof chart.bars)[0],
      (typeof chart.bars)[0],
    ];
    expect(new Set(chart.bars.map((bar) => bar.x)).size).toBe(1);
    expect(second.width).toBeCloseTo(first.width / 2, 0);
    expect(third.width).toBe(0);
  });

  it('writes each count after its bar, inside the drawing', () => {
    expect(chart.barValues.map((value) => value.text)).toEqual(['1,234', '617', '0']);
    chart.barValues.forEach((value, index) => {
      const bar = chart.bars[index];
      expect(value.x).toBeGreaterThan((bar?.x ?? 0) + (bar?.width ?? 0));
      expect(value.x + value.text.length * chart.fontSize * 0.62).toBeLessThanOrEqual(400);
    });
  });

  it('shortens long labels, keeping the full one on the bar for its tooltip and data table', () => {
    expect(chart.categoryLabels.map((label) => label.text)).toEqual(['windows', 'a-platform-name-far-too…', 'linux']);
    expect(chart.bars[1]?.label).toBe('a-platform-name-far-too-long-to-fit');
  });

  it('lays text out for the font size it is given', () => {
    const big = barChart(platforms, { orientation: 'horizontal', width: 400, fontSize: 16 });
    expect(big.fontSize).toBe(16);
    expect(big.bars[0]?.x).toBeGreaterThan(chart.bars[0]?.x ?? 0);
  });
});
