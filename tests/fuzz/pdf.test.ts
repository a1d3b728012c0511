/**
 * Fuzzing the PDF reader: PDFs this tool builds, their qpdf rewrites (object streams,
 * uncompressed, QDF, encrypted with an empty user password), PDFs of other writers and hand-made
 * ones for each stream filter, mutated byte by byte and token by token, read as `resume ats`
 * and `resume extract` read them. No case may crash, hang or pass the memory bound; failing
 * cases are written to out/fuzz/ and named in the assertion.
 *
 *   npx vitest run tests/fuzz/pdf.test.ts            (a few hundred cases a target)
 *   npm run fuzz                                     (5,000 cases a target)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { ascii85Encode, lzwEncode, pngUpFlate, RESUME_CONTENT, resumePdf, runLengthEncode } from "../pdf/craft.js";
import { ROOT, tempDir } from "../helpers.js";
import { caseCount, describeFailures, fuzz, report, type FuzzCase, type FuzzStats } from "./harness.js";
import { mutations } from "./mutate.js";

const TOKENS = [
  "-1",
  "5 0 R",
  "99999999999",
  "1e308",
  "/FlateDecode",
  "/LZWDecode",
  "/ASCII85Decode",
  "/ASCIIHexDecode",
  "/RunLengthDecode",
  "[2 0 R 2 0 R]",
  "<< /Length -5 >>",
  "<< /Length 5 0 R >>",
  "endstream",
  "stream\n",
  "endobj",
  "obj",
  " 1 0 obj ",
  "[[[[[[[[[[[[[[[[",
  "<<<<<<<<<<<<",
  "(((((((((",
  "/Kids [3 0 R 3 0 R 3 0 R]",
  "/MediaBox [0 0 1e300 1e300]",
  "<00000000> <FFFFFFFF> <0041>",
  "/W [0 4294967295 500]",
  "/Encrypt 9 0 R",
  "/Predictor 12 /Columns 99999",
  "trailer << /Root 3 0 R >>",
  "BT /F1 12 Tf (",
  "q q q q q q q q",
];

const content = Buffer.from(RESUME_CONTENT, "latin1");

/** The seeds: what real files look like, for mutations to start from. */
async function seeds(): Promise<FuzzCase[]> {
  const dir = tempDir();
  const out: FuzzCase[] = [];
  const env = { SOURCE_DATE_EPOCH: "1767225600" };
  for (const [input, theme] of [
    ["resume.yaml", "classic"],
    ["tests/fixtures/full.yaml", "sidebar"],
  ] as const) {
    const file = path.join(dir, `${theme}.pdf`);
    await build(path.join(ROOT, input), { output: file, env, verify: false, render: { theme } });
    out.push({ label: `built ${theme}`, bytes: readFileSync(file) });
    if (theme !== "classic") continue;
    const forms: [string, string[]][] = [
      ["object streams", ["--object-streams=generate"]],
      ["uncompressed", ["--stream-data=uncompress"]],
      ["qdf", ["--qdf"]],
      ["aes-256", ["--encrypt", "", "owner", "256", "--"]],
      ["rc4-128", ["--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n", "--"]],
      ["rc4-40", ["--allow-weak-crypto", "--encrypt", "", "owner", "40", "--"]],
    ];
    for (const [name, args] of forms) {
      const to = path.join(dir, `${name}.pdf`);
      execFileSync("qpdf", [...args, file, to]);
      out.push({ label: `qpdf ${name}`, bytes: readFileSync(to) });
    }
  }
  const fixtures = path.join(ROOT, "tests/fixtures/pdf");
  for (const f of readdirSync(fixtures).filter((f) => f.endsWith(".pdf")))
    out.push({ label: f, bytes: readFileSync(path.join(fixtures, f)) });
  const filters: [string, string | Uint8Array, string][] = [
    ["hex", `${content.toString("hex")}>`, "/Filter /ASCIIHexDecode"],
    ["ascii85", ascii85Encode(content), "/Filter /ASCII85Decode"],
    ["lzw", lzwEncode(content), "/Filter /LZWDecode"],
    ["run-length", runLengthEncode(content), "/Filter /RunLengthDecode"],
    ["flate", deflateSync(content), "/Filter /FlateDecode"],
    ["png predictor", pngUpFlate(content, 16), "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 16 >>"],
  ];
  for (const [name, data, dict] of filters)
    out.push({ label: `hand-made ${name}`, bytes: resumePdf({ content: data, contentDict: dict }) });
  return out;
}

/** Failing cases, written where they can be read again (out/ is not committed). */
function keep(target: string, stats: FuzzStats): string[] {
  const dir = path.join(ROOT, "out/fuzz", target);
  mkdirSync(dir, { recursive: true });
  return stats.failures.map((f, i) => {
    const file = path.join(dir, `${i}-${f.outcome}.pdf`);
    writeFileSync(file, f.bytes);
    return path.relative(ROOT, file);
  });
}

describe("the PDF reader under fuzzing", () => {
  let seedCases: FuzzCase[] = [];
  beforeAll(async () => {
    seedCases = await seeds();
  }, 300_000);

  for (const [target, fallback, seed] of [
    ["pdf-ats", 600, 1],
    ["pdf-extract", 300, 2],
  ] as const) {
    it(`${target}: no crash, hang or memory failure`, async () => {
      const count = caseCount(fallback);
      // Made one at a time as the harness asks: thousands of mutated PDFs held at once would
      // weigh on every child the harness forks.
      const cases = (function* () {
        yield* seedCases;
        yield* mutations(seedCases, count, seed, TOKENS);
      })();
      const stats = await fuzz(path.join(import.meta.dirname, "targets", `${target}.ts`), cases);
      console.log(report(target, stats));
      const files = keep(target, stats);
      expect(stats.failures, `${describeFailures(stats)}\nwritten to: ${files.join(", ")}`).toEqual([]);
    }, 3_600_000);
  }

  it("pdf-job: no crash, hang or memory failure", async () => {
    const posting = Buffer.from(
      "Senior Platform Engineer (Kubernetes/Go). You bring 5+ years with Kubernetes, Terraform and AWS; machine learning a plus. APIs, gRPC, C++ and Node.js.\n• Own CI/CD\n• Mentor engineers",
    );
    const cases = mutations([{ label: "posting", bytes: posting }], caseCount(200), 3, [
      "a".repeat(5000),
      "@",
      "Kubernetes ",
      ".",
      "\n",
      "machine learning ",
    ]);
    const stats = await fuzz(path.join(import.meta.dirname, "targets", "pdf-job.ts"), cases);
    console.log(report("pdf-job", stats));
    expect(stats.failures, describeFailures(stats)).toEqual([]);
  }, 3_600_000);
});
