/** A horizontal bar chart in SVG, with the figures as text beside each bar. */
export function BarChart({
  title,
  rows,
}: {
  title: string;
  rows: { label: string; value: number; highlight?: boolean }[];
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 28;
  const labelWidth = 360;
  const width = 900;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${rows.length * rowHeight + 8}`}
        width="100%"
        role="img"
        aria-label={title}
      >
        <title>{title}</title>
        {rows.map((r, i) => {
          const barWidth = ((width - labelWidth - 60) * r.value) / max;
          const y = i * rowHeight + 4;
          return (
            <g key={r.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="chart__label">
                {r.label}
              </text>
              <rect
                x={labelWidth}
                y={y + 4}
                width={Math.max(barWidth, r.value > 0 ? 2 : 0)}
                height={rowHeight - 10}
                rx={3}
                className={r.highlight ? "chart__bar chart__bar--gold" : "chart__bar"}
              />
              <text x={labelWidth + barWidth + 6} y={y + 17} className="chart__value">
                {r.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
