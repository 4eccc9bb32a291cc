import 'chartist/dist/index.css';
import './charts.css';
import { useEffect, useRef } from 'react';
import { LineChart } from 'chartist';
import type { DayActivity } from '../../../src/contract/resolvers';
import { activitySummary, dayTotal } from './activity';

interface SparklineProps {
  days: DayActivity[];
  /** What it shows, e.g. "Requests per day, last 30 days, Nightly export"; a summary of the numbers follows. */
  label: string;
  /** Shows the full chart, with its table view. */
  onOpen: () => void;
  testId: string;
}

/** A token's requests per day as a small line: a button that opens the full chart. */
export function Sparkline({ days, label, onOpen, testId }: SparklineProps) {
  const container = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const chart = new LineChart(
      container.current!,
      { series: [days.map(dayTotal)] },
      {
        width: '96px',
        height: '28px',
        low: 0,
        showPoint: false,
        showArea: true,
        fullWidth: true,
        chartPadding: { top: 2, right: 1, bottom: 1, left: 1 },
        axisX: { showLabel: false, showGrid: false, offset: 0 },
        axisY: { showLabel: false, showGrid: false, offset: 0 },
      },
    );
    return () => {
      chart.detach();
      container.current?.replaceChildren();
    };
  }, [days]);
  return (
    <button type="button" className="sparkline" onClick={onOpen} aria-label={`${label}: ${activitySummary(days)}. Show the chart.`} data-testid={testId}>
      <span ref={container} aria-hidden="true" />
    </button>
  );
}
