type Cell = string | number;

/** Integers and anything over 1,000 in full with separators; smaller fractions to 3 significant digits. */
function show(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  return Number.isInteger(cell) || Math.abs(cell) >= 1000 ? Math.round(cell).toLocaleString('en-US') : String(Number(cell.toPrecision(3)));
}

/** A plain-text table: a title, a header row from the first row's keys, numbers right-aligned. */
export function formatTable(title: string, rows: Array<Record<string, Cell>>): string {
  if (rows.length === 0) return `${title}\n  (none)\n`;
  const columns = Object.keys(rows[0]);
  const cells = rows.map((row) => columns.map((column) => show(row[column] ?? '')));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i].length)));
  const numeric = columns.map((column) => rows.every((row) => typeof row[column] === 'number'));
  const line = (values: string[]) =>
    `  ${values.map((value, i) => (numeric[i] ? value.padStart(widths[i]) : value.padEnd(widths[i]))).join('  ')}`.trimEnd();
  return [title, line(columns), line(widths.map((width) => '-'.repeat(width))), ...cells.map(line), ''].join('\n');
}
