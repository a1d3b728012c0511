/**
 * Watch mode: rebuilds on changes to the résumé and to the images it refers to, reports problems
 * without exiting, says when they are fixed, and rebuilds warm.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HANG_MS, ROOT, run, tempDir } from "../helpers.js";

const EPOCH = { SOURCE_DATE_EPOCH: "1767225600" };
const BADGE = path.join(ROOT, "assets/aws-certified-machine-learning-specialty.png");

/** Wait until `predicate` holds for the collected output, polling. */
async function until(predicate: () => boolean, what: string, ms = HANG_MS) {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${ms / 1000} s: a hang)`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("resume build --watch", () => {
  it("rebuilds a letter when the letter or its résumé changes", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "r.yaml"), "basics: {name: Watch Test}\n");
    writeFileSync(path.join(dir, "acme-letter.yaml"), "resume: r.yaml\nbody: First.\n");
    const controller = new AbortController();
    let out = "";
    let err = "";
    const { main } = await import("../../src/cli/main.js");
    const done = main(["build", "acme-letter.yaml", "--watch"], {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      cwd: dir,
      env: EPOCH,
      signal: controller.signal,
    });
    await until(() => out.includes("wrote out/Watch-Test-Letter-acme.pdf"), "the first build");
    expect(err).toContain("watching acme-letter.yaml, r.yaml");
    writeFileSync(path.join(dir, "acme-letter.yaml"), "resume: r.yaml\nbody: Second.\n");
    await until(() => out.includes("rebuilt out/Watch-Test-Letter-acme.pdf"), "a rebuild after editing the letter");
    const before = out.split("rebuilt").length;
    writeFileSync(path.join(dir, "r.yaml"), "basics: {name: Watch Test, label: Engineer}\n");
    await until(() => out.split("rebuilt").length > before, "a rebuild after editing the résumé");
    controller.abort();
    expect(await done).toBe(0);
    const all = await run(["build", "acme-letter.yaml", "--all-letters", "--watch"], { cwd: dir, env: EPOCH });
    expect(all.code).toBe(2);
  });

  it("rebuilds on changes, reports problems without exiting and clears them when fixed", async () => {
    const dir = tempDir();
    const resume = path.join(dir, "r.yaml");
    copyFileSync(BADGE, path.join(dir, "badge.png"));
    const good = "basics: {name: Watch Test}\ncertificates:\n  - name: Cert\n    badge: badge.png\n";
    writeFileSync(resume, good);
    const controller = new AbortController();
    let out = "";
    let err = "";
    const { main } = await import("../../src/cli/main.js");
    const done = main(["build", "r.yaml", "-o", "w.pdf", "--watch"], {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
      cwd: dir,
      env: EPOCH,
      signal: controller.signal,
    });
    await until(() => out.includes("wrote w.pdf"), "the first build");
    expect(err).toContain("watching r.yaml, badge.png");

    writeFileSync(resume, good.replace("Watch Test", "Watch Again"));
    await until(() => out.includes("rebuilt w.pdf"), "a rebuild after editing the résumé");
    expect(out).toMatch(/rebuilt w\.pdf \(1 page\) in \d+ ms/);

    writeFileSync(resume, good.replace("badge: badge.png", "badge: nowhere.png"));
    await until(() => err.includes("problems found; the last good PDF is kept"), "the problem report");
    expect(err).toMatch(/r\.yaml:4:12 {2}certificates\[0\]\.badge {2}image not found/);

    writeFileSync(resume, good);
    await until(() => out.includes("— problems fixed"), "the fix");

    const before = out.split("rebuilt").length;
    copyFileSync(BADGE, path.join(dir, "badge.png"));
    await until(() => out.split("rebuilt").length > before, "a rebuild after the badge changed");

    controller.abort();
    expect(await done).toBe(0);
  });

  /** Start `resume build r.yaml -o w.pdf --watch` in `dir`; the output so far, and a stop. */
  async function startWatch(dir: string) {
    const controller = new AbortController();
    const io = { out: "", err: "" };
    const { main } = await import("../../src/cli/main.js");
    const done = main(["build", "r.yaml", "-o", "w.pdf", "--watch"], {
      out: (t) => void (io.out += t),
      err: (t) => void (io.err += t),
      cwd: dir,
      env: EPOCH,
      signal: controller.signal,
    });
    return { io, stop: async () => (controller.abort(), await done) };
  }

  it.each([
    ["damaged", (f: string) => writeFileSync(f, "not an image")],
    ["missing", () => {}],
  ])("started while the badge is %s, sees the badge fixed", async (_, breakIt) => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "r.yaml"),
      "basics: {name: Watch Test}\ncertificates:\n  - name: Cert\n    badge: img/badge.png\n",
    );
    mkdirSync(path.join(dir, "img"));
    breakIt(path.join(dir, "img/badge.png"));
    const { io, stop } = await startWatch(dir);
    await until(() => io.err.includes("problems found; the last good PDF is kept"), "the problem report");
    expect(io.err).toMatch(/certificates\[0\]\.badge/);
    // Said once the failed build's named files are read, just after the report.
    const watching = `watching r.yaml, ${path.join("img", "badge.png")}`;
    await until(() => io.err.includes(watching), "the badge watched");
    copyFileSync(BADGE, path.join(dir, "img/badge.png"));
    await until(() => io.out.includes("wrote w.pdf"), "a build once the badge is fixed");
    expect(await stop()).toBe(0);
  });

  it("watches a folder again after it is removed and made again", async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, "r.yaml"),
      "basics: {name: Watch Test}\ncertificates:\n  - name: Cert\n    badge: img/badge.png\n",
    );
    mkdirSync(path.join(dir, "img"));
    copyFileSync(BADGE, path.join(dir, "img/badge.png"));
    const { io, stop } = await startWatch(dir);
    await until(() => io.out.includes("wrote w.pdf"), "the first build");

    // The folder goes (the build reports the badge missing) and comes back with the badge.
    rmSync(path.join(dir, "img"), { recursive: true });
    await until(() => io.err.includes("image not found"), "the missing badge reported");
    mkdirSync(path.join(dir, "img"));
    copyFileSync(BADGE, path.join(dir, "img/badge.png"));
    await until(() => io.out.includes("— problems fixed"), "a build once the folder is back");

    // And a later change in the new folder is seen.
    const before = io.out.split("rebuilt").length;
    copyFileSync(path.join(ROOT, "tests/fixtures/images/rgba8.png"), path.join(dir, "img/badge.png"));
    await until(() => io.out.split("rebuilt").length > before, "a rebuild after the badge in the new folder changed");

    // Replaced at once (removed and made again between two looks), it is still watched.
    rmSync(path.join(dir, "img"), { recursive: true });
    mkdirSync(path.join(dir, "img"));
    copyFileSync(BADGE, path.join(dir, "img/badge.png"));
    await new Promise((r) => setTimeout(r, 500));
    const settled = io.out.split("rebuilt").length;
    copyFileSync(path.join(ROOT, "tests/fixtures/images/rgba8.png"), path.join(dir, "img/badge.png"));
    await until(
      () => io.out.split("rebuilt").length > settled,
      "a rebuild after the badge in the replaced folder changed",
    );
    expect(await stop()).toBe(0);
  });

  it("without --watch, runs once (the usual build)", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "r.yaml"), "basics: {name: Once}\n");
    expect((await run(["build", "r.yaml", "-o", "o.pdf"], { cwd: dir, env: EPOCH })).code).toBe(0);
  });
});
