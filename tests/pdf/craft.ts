/**
 * Hand-made PDFs for the reader's tests: a few objects written out with a cross-reference table,
 * the stream encoders the reader's filters undo (LZW, run-length, ASCII85, hex, PNG rows), and a
 * one-page résumé to vary.
 */
import { deflateSync } from "node:zlib";

/** A stream object's body: its dictionary (Length added unless given) and data. */
export function stream(dict: string, data: Uint8Array | string, length?: string): Buffer {
  const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data);
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${length ?? bytes.length} >>\nstream\n`, "latin1"),
    bytes,
    Buffer.from("\nendstream", "latin1"),
  ]);
}

/** A PDF of `objects` (object n is objects[n - 1]), with an xref table and a trailer naming object 1 the Root. */
export function pdfFile(objects: (string | Uint8Array)[], trailer = "/Root 1 0 R"): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let at = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(at);
    const b = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      typeof body === "string" ? Buffer.from(body, "latin1") : Buffer.from(body),
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(b);
    at += b.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  parts.push(
    Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${at}\n%%EOF\n`, "latin1"),
  );
  return Buffer.concat(parts);
}

/** The text of the one-page résumé's content stream. */
export const RESUME_CONTENT = [
  "BT /F1 24 Tf 72 720 Td (Jane Doe) Tj ET",
  "BT /F2 10 Tf 72 700 Td (jane@example.com  |  +1 555 010 0199) Tj ET",
  "BT /F1 12 Tf 72 660 Td (EXPERIENCE) Tj ET",
  "BT /F1 10 Tf 72 640 Td (Acme Corp) Tj ET",
  "BT /F2 10 Tf 72 626 Td (Engineer) Tj ET",
  "BT /F2 10 Tf 72 612 Td (- Built the Kubernetes platform) Tj ET",
].join("\n");

/**
 * A one-page résumé in Helvetica; `over` replaces objects by number (a body, or null to leave it
 * out) and `extra` appends objects from number 7.
 */
export function resumePdf(
  opts: {
    content?: Uint8Array | string;
    contentDict?: string;
    over?: Record<number, string | Uint8Array | null>;
    extra?: (string | Uint8Array)[];
    trailer?: string;
  } = {},
): Buffer {
  const objects: (string | Uint8Array | null)[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
    stream(opts.contentDict ?? "", opts.content ?? RESUME_CONTENT),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ...(opts.extra ?? []),
  ];
  for (const [n, body] of Object.entries(opts.over ?? {})) objects[Number(n) - 1] = body;
  return pdfFile(
    objects.map((o) => o ?? "null"),
    opts.trailer,
  );
}

/** LZW as PDF writes it (9–12-bit codes, a clear code first, EarlyChange 1 unless 0 is given). */
export function lzwEncode(data: Uint8Array, earlyChange = 1): Buffer {
  const out: number[] = [];
  let acc = 0;
  let nacc = 0;
  let width = 9;
  const put = (code: number) => {
    acc = (acc << width) | code;
    nacc += width;
    while (nacc >= 8) {
      out.push((acc >>> (nacc - 8)) & 0xff);
      nacc -= 8;
    }
    acc &= (1 << nacc) - 1;
  };
  let table = new Map<string, number>();
  let next = 258;
  const reset = () => {
    table = new Map();
    for (let i = 0; i < 256; i++) table.set(String.fromCharCode(i), i);
    next = 258;
    width = 9;
  };
  reset();
  put(256);
  let w = "";
  for (const byte of data) {
    const c = String.fromCharCode(byte);
    if (table.has(w + c)) {
      w += c;
      continue;
    }
    put(table.get(w)!);
    table.set(w + c, next++);
    if (next + earlyChange > 1 << width && width < 12) width++;
    if (next >= 4094) {
      put(256);
      reset();
    }
    w = c;
  }
  if (w) put(table.get(w)!);
  put(257);
  if (nacc) out.push((acc << (8 - nacc)) & 0xff);
  return Buffer.from(out);
}

/** Run-length: literal runs of up to 128 bytes, then the end mark. */
export function runLengthEncode(data: Uint8Array): Buffer {
  const out: number[] = [];
  for (let i = 0; i < data.length; i += 128) {
    const run = data.subarray(i, i + 128);
    out.push(run.length - 1, ...run);
  }
  out.push(128);
  return Buffer.from(out);
}

export function ascii85Encode(data: Uint8Array): string {
  let out = "";
  for (let i = 0; i < data.length; i += 4) {
    const chunk = data.subarray(i, i + 4);
    const padded = Buffer.alloc(4);
    padded.set(chunk);
    let v = padded.readUInt32BE(0);
    if (v === 0 && chunk.length === 4) {
      out += "z";
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode((v % 85) + 33));
      v = Math.floor(v / 85);
    }
    out += digits.slice(0, chunk.length + 1).join("");
  }
  return `${out}~>`;
}

/** Flate with the PNG Up predictor on rows of `columns` bytes. */
export function pngUpFlate(data: Uint8Array, columns: number): Buffer {
  const rows: number[] = [];
  const padded = Buffer.alloc(Math.ceil(data.length / columns) * columns, 0x20);
  padded.set(data);
  for (let r = 0; r * columns < padded.length; r++) {
    rows.push(2);
    for (let i = 0; i < columns; i++)
      rows.push((padded[r * columns + i]! - (r ? padded[(r - 1) * columns + i]! : 0)) & 0xff);
  }
  return deflateSync(Buffer.from(rows));
}
