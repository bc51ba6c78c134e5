import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the parts of Chart.js a horizontal bar chart needs, so the reports chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
Chart.defaults.font.size = 14;
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

interface Props {
  title: string;
  axis: string;
  labels: string[];
  /** One bar per label; null draws no bar (a suppressed or missing figure, which the table explains). */
  values: (number | null)[];
}

/**
 * A horizontal bar chart (Chart.js) for people who would rather look than read. It is a picture
 * to assistive technology: the same figures are always in the table that follows it.
 */
export function BarChart({ title, axis, labels, values }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label: axis, data: values, backgroundColor: '#1d70b8', maxBarThickness: 28 }] },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { enabled: true } },
        scales: {
          x: {
            beginAtZero: true,
            title: { display: true, text: axis, color: '#0b0c0c' },
            ticks: { color: '#0b0c0c', precision: 0 },
            grid: { color: '#d7d7d7' },
          },
          y: { ticks: { color: '#0b0c0c', autoSkip: false }, grid: { display: false } },
        },
      },
    });
    return () => chart.destroy();
  }, [axis, labels, values]);
  const missing = values.some((v) => v === null);
  return (
    <figure className="report-chart">
      <div className="report-chart-canvas" style={{ height: `${Math.max(120, labels.length * 32 + 60)}px` }}>
        <canvas ref={canvas} role="img" aria-label={`Bar chart of ${title.toLowerCase()}. The same figures are in the table below.`}>
          The same figures are in the table below.
        </canvas>
      </div>
      {missing && (
        <figcaption className="hint">A missing bar is a figure that is not shown (fewer than 5) or has nothing to count.</figcaption>
      )}
    </figure>
  );
}
