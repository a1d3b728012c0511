/**
 * Only http, https, mailto and tel addresses become links, in the PDF, the Word file and
 * Markdown, wherever they are written (URL fields, inline markup, HTML); an address with a user
 * name before its host is no link. Anything else prints as written, with a located warning, and
 * --strict refuses it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readPdf, run, tempDir, writeFixture } from "../helpers.js";

const env = { SOURCE_DATE_EPOCH: "1767225600" };

const RESUME = `basics:
  name: Jane Doe
  url: https://www.linkedin.com@evil.example/in/jane
  summary: "See [my site](https://jane.example/) and [this](https://user:pw@evil.example/x), <a href=\\"smb://evil.example/share\\">that</a>."
  profiles:
    - {network: Tools, url: "ms-msdt:/id PCWDiagnostic /skip force"}
    - {network: Share, url: "smb://evil.example/share"}
    - {network: Word, url: "ms-word:ofe|u|https://evil.example/doc.docx"}
    - {network: GitHub, url: "https://github.com/jane"}
work:
  - name: Acme
    position: Engineer
    url: "ms-word:ofe|u|https://evil.example/a.docx"
    startDate: 2020-01
    highlights: ["Shipped [the app](ms-settings:privacy) and [docs](https://docs.example/a)"]
`;

const allowed = (url: string) => /^(https?:|mailto:|tel:)/i.test(url) && !/^https?:\/\/[^/]*@/i.test(url);

describe("links", () => {
  it("are made for http, https, mailto and tel only, and never for an address with a user name", async () => {
    const dir = tempDir();
    writeFixture(dir, "r.yaml", RESUME);
    const r = await run(["build", "r.yaml", "-o", "cv.pdf", "-f", "pdf,docx,md"], { cwd: dir, env });
    expect(r.code, r.stderr).toBe(0);

    const pdf = await readPdf(readFileSync(path.join(dir, "cv.pdf")));
    const urls = pdf.links.map((l) => l.url);
    expect(urls).toContain("https://github.com/jane");
    expect(urls).toContain("https://jane.example/");
    expect(urls).toContain("https://docs.example/a");
    expect(urls.filter((u) => !allowed(u))).toEqual([]);
    expect(urls.some((u) => u.includes("evil.example"))).toBe(false);
    // Printed as written, not shortened into something that reads as linkedin.com.
    expect(pdf.text).toContain("https://www.linkedin.com@evil.example/in/jane");

    const parts = unzipSync(readFileSync(path.join(dir, "cv.docx")));
    const rels = strFromU8(parts["word/_rels/document.xml.rels"]!);
    const targets = [...rels.matchAll(/Target="([^"]*)"[^>]*TargetMode="External"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, "&"),
    );
    expect(targets).toContain("https://github.com/jane");
    expect(targets.filter((u) => !allowed(u))).toEqual([]);
    expect(rels).not.toContain("evil.example");

    const md = readFileSync(path.join(dir, "cv.md"), "utf8");
    const mdTargets = [...md.matchAll(/(?<!\\)\]\(([^)\s]*)/g)].map((m) => m[1]!);
    expect(mdTargets).toContain("https://github.com/jane");
    expect(mdTargets.filter((u) => !allowed(u))).toEqual([]);

    // Each refused address is warned about where it is written.
    expect(r.stderr).toMatch(/r\.yaml:3:\d+ +basics\.url .*user name before its host/);
    expect(r.stderr).toMatch(
      /basics\.profiles\[0\]\.url .*ms-msdt: links are not allowed in a résumé \(only http, https, mailto and tel\)/,
    );
    expect(r.stderr).toMatch(/basics\.profiles\[1\]\.url .*smb: links are not allowed/);
    expect(r.stderr).toMatch(/basics\.profiles\[2\]\.url .*ms-word: links are not allowed/);
    expect(r.stderr).toMatch(/work\[0\]\.url .*ms-word: links are not allowed/);
    // And each inline link that is none, in the field that has it.
    expect(r.stderr).toMatch(
      /basics\.summary .*the link to "https:\/\/user:pw@evil\.example\/x" has a user name before its host/,
    );
    expect(r.stderr).toMatch(
      /work\[0\]\.highlights\[0\] .*the link to "ms-settings:privacy" is refused: ms-settings: links are not allowed/,
    );
  });

  it("--strict refuses an address that cannot be a link", async () => {
    const dir = tempDir();
    writeFixture(
      dir,
      "r.yaml",
      'basics:\n  name: Jane Doe\n  profiles:\n    - {network: Share, url: "smb://evil.example/share"}\n',
    );
    const r = await run(["build", "r.yaml", "-o", "cv.pdf", "--strict"], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("smb: links are not allowed");
  });
});
