import 'chartist/dist/index.css';
import './charts.css';
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { BarChart, type BarChartOptions } from 'chartist';
import type { DayActivity, UncountedRequests } from '../../../src/contract/resolvers';
import { notCountedYet } from '../UsageAsOf';
import { OUTCOME_LABELS, OUTCOMES } from '../outcomes';
import { dayTotal, formatDay, formatDayLong, listedOutcomes, outcomeTotals } from './activity';

/** Charts label every 7th day, counting back from today, so today always has its label. */
const LABEL_EVERY = 7;

/**
 * The padding holds the labels' overflow: a y label sits just above its grid line, so the top one needs
 * a line's height (16 px) above the chart; an x label is centred under its day, so today's (the last
 * slot's) reaches past the right edge by up to half a label ("30 Nov", about 32 px) on a narrow chart.
 */
const OPTIONS: BarChartOptions = {
  stackBars: true,
  height: '220px',
  chartPadding: { top: 18, right: 20, bottom: 0, left: 0 },
  axisY: { onlyInteger: true, offset: 36 },
  axisX: { showGrid: false },
};

/** Chartist's stacked bars: one series per outcome, one bar per day; the SVG is hidden from assistive technology. */
function Bars({ days, label, testId }: { days: readonly DayActivity[]; label: string; testId: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const last = days.length - 1;
    const chart = new BarChart(
      container.current!,
      {
        labels: days.map((day) => day.date),
        series: OUTCOMES.map((outcome) => ({ name: outcome, className: `activity-${outcome}`, data: days.map((day) => day[outcome]) })),
      },
      { ...OPTIONS, axisX: { ...OPTIONS.axisX, labelInterpolationFnc: (date, index) => ((last - index) % LABEL_EVERY === 0 ? formatDay(String(date)) : '') } },
    );
    chart.on('draw', (event) => {
      if (event.type !== 'bar') return;
      // Bars are strokes: as wide as most of a day's slot, whatever the chart's width.
      const slot = event.axisX.axisLength / days.length;
      event.element.attr({ style: `stroke-width: ${Math.max(2, Math.floor(slot * 0.7))}px` });
      // Hovering a bar names its day, outcome and count (the table view says the same for everyone).
      const day = days[event.index];
      const outcome = OUTCOMES[event.seriesIndex];
      event.element.elem('title').text(`${formatDayLong(day.date)}: ${day[outcome]} ${OUTCOME_LABELS[outcome]}`);
    });
    return () => {
      chart.detach();
      container.current?.replaceChildren();
    };
  }, [days]);
  return (
    <div role="img" aria-label={label} className="activity-bars" data-testid={`${testId}-chart`}>
      <div ref={container} aria-hidden="true" />
    </div>
  );
}

/** The chart's text alternative: the same numbers, a day per row. */
function ActivityTable({ days, label, testId }: { days: readonly DayActivity[]; label: string; testId: string }) {
  const outcomes = listedOutcomes(days);
  const head = {
    cells: [
      { key: 'day', content: 'Day' },
      ...outcomes.map((outcome) => ({ key: outcome, content: OUTCOME_LABELS[outcome] })),
      { key: 'total', content: 'Total' },
    ],
  };
  const rows = days.map((day) => ({
    key: day.date,
    cells: [
      { content: formatDayLong(day.date) },
      ...outcomes.map((outcome) => ({ content: day[outcome] })),
      { content: dayTotal(day) },
    ],
  }));
  return (
    <div className="table-wrap">
      <DynamicTable caption={label} head={head} rows={rows} testId={`${testId}-table`} />
    </div>
  );
}

interface ActivityChartProps {
  /** Oldest first, as the backend answers. */
  days: DayActivity[];
  /** What the chart shows, e.g. "Requests per day, last 30 days": its accessible name and the table's caption. */
  label: string;
  testId: string;
  /** Chart or table, when the caller keeps the choice (e.g. across filter changes); otherwise the chart keeps it. */
  view?: { asTable: boolean; setAsTable: (asTable: boolean) => void };
  /** Requests after the counts' "as of": an empty chart then says they are on their way. */
  uncounted?: UncountedRequests;
}

/** Requests per day stacked by outcome, with a legend of totals and a table view of the same numbers. */
export function ActivityChart({ days, label, testId, view, uncounted }: ActivityChartProps) {
  const [ownAsTable, setOwnAsTable] = useState(false);
  const { asTable, setAsTable } = view ?? { asTable: ownAsTable, setAsTable: setOwnAsTable };
  const totals = outcomeTotals(days);
  if (days.every((day) => dayTotal(day) === 0)) {
    return (
      <p className="subtle" data-testid={`${testId}-empty`}>
        {uncounted && uncounted.count > 0
          ? `No requests counted in the last 30 days yet: ${notCountedYet(uncounted)} Counts are updated every few minutes.`
          : 'No requests in the last 30 days.'}
      </p>
    );
  }
  return (
    <div className="activity" data-testid={testId}>
      <div className="activity-toolbar">
        <ul className="activity-legend" aria-label="Totals by outcome" data-testid={`${testId}-legend`}>
          {listedOutcomes(days).map((outcome) => (
            <li key={outcome}>
              <span className={`activity-swatch activity-${outcome}`} aria-hidden="true" />
              {OUTCOME_LABELS[outcome]}: {totals[outcome]}
            </li>
          ))}
        </ul>
        <Button appearance="subtle" onClick={() => setAsTable(!asTable)} testId={`${testId}-view`}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </Button>
      </div>
      {asTable ? <ActivityTable days={days} label={label} testId={testId} /> : <Bars days={days} label={label} testId={testId} />}
    </div>
  );
}
