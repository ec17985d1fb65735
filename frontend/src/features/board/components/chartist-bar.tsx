import { BarChart, type BarChartData, type BarChartOptions } from 'chartist';
import { useEffect, useRef } from 'react';

type Props = {
  data: BarChartData;
  options: BarChartOptions;
  /** Height in px at screen size; the chart keeps its proportions when it is narrower (print, phone zoom). */
  height: number;
  /** The bar thickness as a share (0..1) of the space each bar has. */
  barShare: number;
  /** How many bars sit side by side (the labels). */
  slots: number;
  className?: string;
};

/**
 * ChartistBar draws a Chartist bar chart (SVG) into a box, at the box's
 * width, again whenever the box is resized. The SVG carries a viewBox so
 * that a narrower medium (a printed page) scales it instead of cutting it.
 * It is decorative for assistive technology: the page gives the same data
 * as text and as a table.
 */
export function ChartistBar({ data, options, height, barShare, slots, className }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: BarChart | null = null;
    let drawnAt = -1;
    const draw = () => {
      const width = Math.round(el.clientWidth) || 480;
      if (width === drawnAt) return;
      drawnAt = width;
      const plot = Math.max(40, width - 60);
      el.style.setProperty('--ct-bar-width', `${Math.max(4, Math.min(56, (plot / Math.max(1, slots)) * barShare))}px`);
      chart?.detach();
      chart = new BarChart(el, data, { ...options, width, height, viewBox: { width, height } } as BarChartOptions);
    };
    draw();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(draw);
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      chart?.detach();
    };
  }, [data, options, height, barShare, slots]);
  return <div ref={box} className={`ct-box ${className ?? ''}`} aria-hidden="true" />;
}
