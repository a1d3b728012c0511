/**
 * CSV files as LinkedIn's data export writes them, read with a real CSV parser (csv-parse):
 * quoted fields with line breaks and quotes, a byte-order mark, CRLF, and a few lines of notes
 * above the header row in some files. Each row keeps the line it starts on, for messages.
 */
import { parse } from "csv-parse/sync";
import { ResumeError } from "../common/errors.js";

export interface CsvRow {
  /** Cells by column name (trimmed; an empty cell is absent). */
  cells: Record<string, string>;
  /** The line of the file the row starts on (1-based). */
  line: number;
}

export interface CsvTable {
  columns: string[];
  rows: CsvRow[];
}

/**
 * The rows of `text` under the first row that holds every column of `header` (the rows above it
 * are notes); `label` names the file in messages.
 */
export function readCsv(text: string, label: string, header: readonly string[]): CsvTable {
  let records: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, raw: true, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new ResumeError([{ file: label, line: e.lines, path: "", message: `is not a readable CSV file: ${e.message.replace(/^Invalid [^:]*: /, "")}` }]);
  }
  const start = (r: (typeof records)[number]) => r.info.lines - (r.raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0);
  const at = records.findIndex((r) => header.every((h) => r.record.some((c) => c.trim() === h)));
  if (at < 0) {
    throw new ResumeError([{ file: label, line: 1, col: 1, path: "", message: `has no header row with the columns ${header.map((h) => `"${h}"`).join(", ")}; is it the file LinkedIn's export wrote?` }]);
  }
  const columns = records[at]!.record.map((c) => c.trim());
  const rows: CsvRow[] = [];
  for (const r of records.slice(at + 1)) {
    const cells: Record<string, string> = {};
    columns.forEach((c, i) => {
      const v = (r.record[i] ?? "").trim();
      if (v) cells[c] = v;
    });
    if (Object.keys(cells).length) rows.push({ cells, line: start(r) });
  }
  return { columns, rows };
}
