/**
 * CSV files as LinkedIn's data export writes them, read with a real CSV parser (csv-parse):
 * quoted fields with line breaks and quotes, a byte-order mark, CRLF, and a few lines of notes
 * above the header row in some files. Each row keeps the line it starts on, for messages.
 * A file is bounded in bytes and rows (CSV_LIMITS): what one résumé holds is far less, and the
 * parser keeps only each row's cells, so memory stays proportional to the file.
 */
import { parse } from "csv-parse/sync";
import { ResumeError } from "../common/errors.js";

/** Limits for one CSV file the import reads: its size and its rows. */
export const CSV_LIMITS = {
  bytes: 4 * 1024 * 1024,
  rows: 10_000,
};

export interface CsvRow {
  /** Cells by column name (trimmed; an empty cell is absent); a column's name is never looked up on a prototype. */
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
export function readCsv(text: string, label: string, header: readonly string[], limits = CSV_LIMITS): CsvTable {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.bytes) {
    throw ResumeError.of(
      label,
      `is ${(bytes / 1024 / 1024).toFixed(1)} MiB; a file the import reads is at most ${limits.bytes / 1024 / 1024} MiB (a résumé is at most 1 MiB)`,
    );
  }
  let records: { record: string[]; line: number }[];
  let tooMany = false;
  try {
    records = parse(text, {
      bom: true,
      raw: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Only the cells and the line a record starts on are kept, not its raw text.
      on_record: (
        { record, raw, info }: { record: string[]; raw: string; info: { lines: number } },
        context: { records: number },
      ) => {
        if (context.records > limits.rows + 20) {
          tooMany = true;
          throw new Error("too many rows");
        }
        return { record, line: info.lines - (raw.replace(/\r?\n$/, "").match(/\n/g)?.length ?? 0) };
      },
    } as never) as unknown as typeof records;
  } catch (err) {
    if (tooMany)
      throw ResumeError.of(
        label,
        `has more than ${limits.rows} rows; a file the import reads has at most ${limits.rows}`,
      );
    const e = err as Error & { lines?: number };
    throw new ResumeError([
      {
        file: label,
        line: e.lines,
        path: "",
        message: `is not a readable CSV file: ${e.message.replace(/^Invalid [^:]*: /, "")}`,
      },
    ]);
  }
  const at = records.findIndex((r) => header.every((h) => r.record.some((c) => c.trim() === h)));
  if (at < 0) {
    throw new ResumeError([
      {
        file: label,
        line: 1,
        col: 1,
        path: "",
        message: `has no header row with the columns ${header.map((h) => `"${h}"`).join(", ")}; is it the file LinkedIn's export wrote?`,
      },
    ]);
  }
  if (records.length - at - 1 > limits.rows)
    throw ResumeError.of(
      label,
      `has more than ${limits.rows} rows; a file the import reads has at most ${limits.rows}`,
    );
  const columns = records[at]!.record.map((c) => c.trim());
  const rows: CsvRow[] = [];
  for (const r of records.slice(at + 1)) {
    const cells: Record<string, string> = Object.create(null) as Record<string, string>;
    columns.forEach((c, i) => {
      const v = (r.record[i] ?? "").trim();
      if (v) cells[c] = v;
    });
    if (Object.keys(cells).length) rows.push({ cells, line: r.line });
  }
  return { columns, rows };
}
