/**
 * The hostile and damaged PDFs of pdf-attacks.test.ts, one a kind of attack, and what must come
 * of each: read (holding some text), or refused (with some words), or either.
 */
import { once } from "node:events";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createDeflate, deflateSync } from "node:zlib";
import {
  ascii85Encode,
  lzwEncode,
  pdfFile,
  pngUpFlate,
  RESUME_CONTENT,
  resumePdf,
  runLengthEncode,
  stream,
} from "./craft.js";
import { ROOT } from "../helpers.js";

const FIXTURES = path.join(ROOT, "tests/fixtures/pdf");

/** Deflated zeros, written a mebibyte at a time. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const d = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  d.on("data", (c: Buffer) => chunks.push(c));
  const zero = Buffer.alloc(2 ** 20);
  for (let i = 0; i < bytes / 2 ** 20; i++) if (!d.write(zero)) await once(d, "drain");
  d.end();
  await once(d, "end");
  return Buffer.concat(chunks);
}

/** A PDF that embeds `data` (its stream dictionary `dict`) as resume.json, as `resume build` does. */
const withEmbedded = (data: Uint8Array | string, dict = "") =>
  resumePdf({
    over: { 1: "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(resume.json) 7 0 R] >> >> >>" },
    extra: [
      "<< /Type /Filespec /F (resume.json) /UF (resume.json) /AFRelationship /Source /EF << /F 8 0 R >> >>",
      stream(`/Type /EmbeddedFile ${dict}`, data),
    ],
  });

const content = Buffer.from(RESUME_CONTENT, "latin1");
const word = "a".repeat(200_000);
const withLine = (line: string) =>
  RESUME_CONTENT.replace("BT /F1 12 Tf 72 660", `BT /F2 10 Tf 72 686 Td (${line}) Tj ET\nBT /F1 12 Tf 72 660`);

/** The page tree as a chain of 40 nodes, each naming the next three times: 3^40 walks without a visited set. */
const repeatedKids = () => {
  const nodes = Array.from({ length: 40 }, (_, i) => {
    const next = i === 39 ? "3 0 R" : `${i + 8} 0 R`;
    return `<< /Type /Pages /Kids [${next} ${next} ${next}] /Count 1 >>`;
  });
  return resumePdf({ over: { 1: "<< /Type /Catalog /Pages 7 0 R >>" }, extra: [...nodes] });
};

/** The content stream last, with an indirect /Length, and the file cut in the middle of it (a download cut short). */
const truncatedIndirectLength = () => {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 7 0 R >>",
    "null",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    stream("", content, "8 0 R"),
    String(content.length),
  ];
  const whole = pdfFile(objects);
  return whole.subarray(0, whole.indexOf("(Engineer)"));
};

const type0 = (w: string) =>
  resumePdf({
    over: {
      6: "<< /Type /Font /Subtype /Type0 /BaseFont /Helvetica /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
    },
    extra: [`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Helvetica /W ${w} >>`],
  });

const hugeBfrange = () =>
  resumePdf({
    over: { 6: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 7 0 R >>" },
    extra: [
      stream(
        "",
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange 1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange endcmap end end",
      ),
    ],
  });

export interface Attack {
  label: string;
  target: "pdf-ats" | "pdf-extract" | "pdf-job";
  bytes: () => Uint8Array | Promise<Uint8Array>;
  /**
   * What must come of it: read (and, if given, what the read text must hold), or refused with a message that holds
   * `refused`.
   */
  expect: { read: string | true } | { refused: string } | "either";
}

const NAME = '"name":"Jane Doe"';
export const ATTACKS: Attack[] = [
  // 1. Endless loops.
  {
    label: "a negative /Length",
    target: "pdf-ats",
    bytes: () => resumePdf({ over: { 4: stream("", content, "-5") } }),
    expect: { read: NAME },
  },
  {
    label: "an indirect /Length in a file cut short",
    target: "pdf-ats",
    bytes: truncatedIndirectLength,
    expect: { read: NAME },
  },
  {
    label: "a MediaBox 99999999999 wide",
    target: "pdf-ats",
    bytes: () =>
      resumePdf({
        over: {
          3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 99999999999 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        },
      }),
    expect: { read: NAME },
  },
  {
    label: "a MediaBox 1e308 wide",
    target: "pdf-ats",
    bytes: () =>
      resumePdf({
        over: {
          3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1e308 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        },
      }),
    expect: { read: NAME },
  },
  {
    label: "a MediaBox of no numbers",
    target: "pdf-ats",
    bytes: () =>
      resumePdf({
        over: {
          3: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 /Wide 792] /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        },
      }),
    expect: { read: NAME },
  },
  // 2. Unbounded work.
  {
    label: "a page tree whose Kids repeat a node",
    target: "pdf-ats",
    bytes: repeatedKids,
    expect: { read: '"pages":1' },
  },
  { label: "a ToUnicode bfrange over <00000000>–<FFFFFFFF>", target: "pdf-ats", bytes: hugeBfrange, expect: "either" },
  { label: "a /W range of 4G codes", target: "pdf-ats", bytes: () => type0("[0 4294967295 500]"), expect: "either" },
  {
    label: "a /W range from a huge negative code",
    target: "pdf-ats",
    bytes: () => type0("[-99999999999 99999999999 500 1 [1 2 3]]"),
    expect: "either",
  },
  {
    label: "two chained Flate filters that inflate to 512 MiB",
    target: "pdf-ats",
    bytes: async () =>
      resumePdf({
        over: { 4: stream("/Filter [/FlateDecode /FlateDecode]", deflateSync(await deflatedZeros(512 * 2 ** 20))) },
      }),
    expect: { refused: "decompress to more than" },
  },
  {
    label: "an embedded file that inflates to 512 MiB",
    target: "pdf-extract",
    bytes: async () =>
      withEmbedded(deflateSync(await deflatedZeros(512 * 2 ** 20)), "/Filter [/FlateDecode /FlateDecode]"),
    expect: { refused: "decompress to more than" },
  },
  {
    label: "an embedded resume.json nested 100,000 deep",
    target: "pdf-extract",
    bytes: () => withEmbedded(`${"[".repeat(100_000)}${"]".repeat(100_000)}`),
    expect: { refused: "nests more than" },
  },
  {
    label: "an embedded resume.json, read",
    target: "pdf-extract",
    bytes: () => withEmbedded('{"basics":{"name":"Jane Doe"}}'),
    expect: { read: "name: Jane Doe" },
  },
  {
    label: "arrays nested 100,000 deep in an unused object",
    target: "pdf-ats",
    bytes: () => resumePdf({ extra: [`${"[".repeat(100_000)}${"]".repeat(100_000)}`] }),
    expect: { read: NAME },
  },
  {
    label: "dictionaries nested 100,000 deep in the page",
    target: "pdf-ats",
    bytes: () =>
      resumePdf({
        over: {
          3: `<< /Type /Page /Parent 2 0 R /X ${"<< /A ".repeat(100_000)}1${" >>".repeat(100_000)} /Contents 4 0 R >>`,
        },
      }),
    expect: "either",
  },
  {
    label: "arrays nested 100,000 deep in the content stream",
    target: "pdf-ats",
    bytes: () => resumePdf({ content: `${RESUME_CONTENT}\n${"[".repeat(100_000)}` }),
    expect: { read: NAME },
  },
  {
    label: "a 200,000-letter word in the header",
    target: "pdf-ats",
    bytes: () => resumePdf({ content: withLine(word) }),
    expect: { read: NAME },
  },
  {
    label: "a 200,000-character dotted word in the header",
    target: "pdf-ats",
    bytes: () => resumePdf({ content: withLine("a.".repeat(100_000)) }),
    expect: { read: NAME },
  },
  {
    label: "a 200,000-digit number in the header",
    target: "pdf-ats",
    bytes: () => resumePdf({ content: withLine("1 ".repeat(100_000)) }),
    expect: { read: NAME },
  },
  {
    label: "a posting of 40,000 distinct words",
    target: "pdf-job",
    bytes: () => Buffer.from(Array.from({ length: 40_000 }, (_, i) => `Term${i.toString(36)}`).join(" ")),
    expect: { read: "score" },
  },
  // 3. Readable PDFs.
  {
    label: "a damaged object nobody uses",
    target: "pdf-ats",
    bytes: () => resumePdf({ extra: ["<< /Broken /Value /Key >>"] }),
    expect: { read: NAME },
  },
  {
    label: "a /Length too short",
    target: "pdf-ats",
    bytes: () => resumePdf({ over: { 4: stream("", content, "10") } }),
    expect: { read: NAME },
  },
  {
    label: "a /Length too long",
    target: "pdf-ats",
    bytes: () => resumePdf({ over: { 4: stream("", content, String(content.length + 40)) } }),
    expect: { read: NAME },
  },
  {
    label: "a /Length past the end of the file",
    target: "pdf-ats",
    bytes: () => resumePdf({ over: { 4: stream("", content, "99999999") } }),
    expect: { read: NAME },
  },
  {
    label: "ASCIIHexDecode",
    target: "pdf-ats",
    bytes: () => resumePdf({ content: `${content.toString("hex")}>`, contentDict: "/Filter /ASCIIHexDecode" }),
    expect: { read: NAME },
  },
  {
    label: "ASCII85Decode",
    target: "pdf-ats",
    bytes: () => resumePdf({ content: ascii85Encode(content), contentDict: "/Filter /ASCII85Decode" }),
    expect: { read: NAME },
  },
  {
    label: "LZWDecode",
    target: "pdf-ats",
    bytes: () => resumePdf({ content: lzwEncode(content), contentDict: "/Filter /LZWDecode" }),
    expect: { read: NAME },
  },
  {
    label: "LZWDecode, EarlyChange 0",
    target: "pdf-ats",
    bytes: () =>
      resumePdf({
        content: lzwEncode(content, 0),
        contentDict: "/Filter /LZWDecode /DecodeParms << /EarlyChange 0 >>",
      }),
    expect: { read: NAME },
  },
  {
    label: "RunLengthDecode",
    target: "pdf-ats",
    bytes: () => resumePdf({ content: runLengthEncode(content), contentDict: "/Filter /RunLengthDecode" }),
    expect: { read: NAME },
  },
  {
    label: "ASCII85 over Flate",
    target: "pdf-ats",
    bytes: () =>
      resumePdf({ content: ascii85Encode(deflateSync(content)), contentDict: "/Filter [/ASCII85Decode /FlateDecode]" }),
    expect: { read: NAME },
  },
  {
    label: "Flate with the PNG Up predictor",
    target: "pdf-ats",
    bytes: () =>
      resumePdf({
        content: pngUpFlate(content, 16),
        contentDict: "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 16 >>",
      }),
    expect: { read: NAME },
  },
  ...["rc4-40", "rc4-128", "aes-128", "aes-256", "aes-256-r5"].map((kind): Attack => ({
    label: `owner-password-only encryption, ${kind}`,
    target: "pdf-ats",
    bytes: () => readFileSync(path.join(FIXTURES, `encrypted-${kind}.pdf`)),
    expect: { read: NAME },
  })),
  ...["", "-rc4"].map((kind): Attack => ({
    label: `a user password${kind}`,
    target: "pdf-ats",
    bytes: () => readFileSync(path.join(FIXTURES, `encrypted-user-password${kind}.pdf`)),
    expect: { refused: "encrypted with a password; this tool cannot read it" },
  })),
  {
    label: "a first page without text",
    target: "pdf-ats",
    bytes: () =>
      resumePdf({
        over: { 2: "<< /Type /Pages /Kids [7 0 R 3 0 R] /Count 2 >>" },
        extra: [
          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 8 0 R >>",
          stream("", "0 0 m 100 100 l S"),
        ],
      }),
    expect: { read: NAME },
  },
  {
    label: "no pages at all",
    target: "pdf-ats",
    bytes: () => resumePdf({ over: { 2: "<< /Type /Pages /Kids [] /Count 0 >>" } }),
    expect: { read: '"pages":0' },
  },
  { label: "not a PDF", target: "pdf-ats", bytes: () => Buffer.from("hello"), expect: { refused: "not a PDF" } },
];
