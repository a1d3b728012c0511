// The preview page: draws the last good PDF with pdf.js at the screen's resolution, shows the
// build's problems, warnings and what a parser reads, and updates itself on every build (the
// server's Server-Sent Events). Zoom and scroll position survive an update. Every value from the
// server is set as text, never as markup.
import * as pdfjs from "./pdf.min.mjs";

pdfjs.GlobalWorkerOptions.workerSrc = new URL("./pdf.worker.min.mjs", import.meta.url).href;
// One worker for every build's PDF: pdf.js would otherwise start (and load) a new one for each.
const worker = new pdfjs.PDFWorker();

const $ = (id) => document.getElementById(id);
const el = (tag, text, cls) => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

const ZOOMS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
let zoom = Number(sessionStorage.getItem("zoom")) || 1;
let shownState = -1;
let shownPdf = -1;
let doc;
let drawing = Promise.resolve();

/**
 * Draw every page of `doc` at the current zoom, each put in place of the page it replaces as soon
 * as it is drawn (no blank page, no jump: the scroll position is kept).
 */
async function draw() {
  if (!doc) return;
  const viewer = $("viewer");
  const top = viewer.scrollTop;
  const left = viewer.scrollLeft;
  const dpr = window.devicePixelRatio || 1;
  const pages = $("pages");
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: (zoom * 96) / 72 });
    const canvas = el("canvas");
    canvas.width = Math.floor(viewport.width * dpr);
    canvas.height = Math.floor(viewport.height * dpr);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", `Page ${n} of ${doc.numPages}`);
    await page.render({
      canvas,
      canvasContext: canvas.getContext("2d"),
      viewport,
      transform: dpr === 1 ? undefined : [dpr, 0, 0, dpr, 0, 0],
    }).promise;
    const old = pages.children[n - 1];
    if (old) old.replaceWith(canvas);
    else pages.append(canvas);
    if (n === 1) {
      viewer.scrollTop = top;
      viewer.scrollLeft = left;
    }
  }
  while (pages.children.length > doc.numPages) pages.lastElementChild.remove();
  $("empty").hidden = true;
  viewer.scrollTop = top;
  viewer.scrollLeft = left;
  $("zoom-level").textContent = `${Math.round(zoom * 100)}%`;
  document.body.dataset.drawn = String(shownPdf);
}

/** Load the PDF of build `id` (its bytes in one request) and draw it. */
async function loadPdf(id) {
  if (id === shownPdf) return;
  const data = new Uint8Array(await (await fetch(`resume.pdf?build=${id}`, { cache: "no-store" })).arrayBuffer());
  const next = await pdfjs.getDocument({ data, worker, isEvalSupported: false, useWasm: false }).promise;
  const old = doc;
  doc = next;
  shownPdf = id;
  await draw();
  if (old) await old.destroy();
}

function diagnostic(d) {
  const li = el("div", undefined, "diag");
  const where = [d.file, d.line, d.col].filter((x) => x !== undefined && x !== "").join(":");
  li.append(el("span", where, "where"), " ");
  if (d.path) li.append(el("span", d.path, "path"), " ");
  li.append(el("span", d.message, "message"));
  if (d.source) {
    const pre = el("pre");
    for (const line of d.source) {
      const row = el("span", `${String(line.n).padStart(4)} │ ${line.text}\n`, line.n === d.line ? "at" : undefined);
      pre.append(row);
    }
    li.append(pre);
  }
  return li;
}

function showProblems(s) {
  const box = $("problems");
  box.replaceChildren();
  box.hidden = s.ok;
  $("pages").classList.toggle("stale", !s.ok);
  $("empty").textContent = s.ok || s.pdf ? "Building…" : "";
  if (s.ok) return;
  const n = s.problems.length;
  box.append(
    el(
      "h2",
      `${n} problem${n === 1 ? "" : "s"}: ${s.pdf ? "the pages below are the last good build" : "nothing built yet"}`,
    ),
  );
  for (const d of s.problems) box.append(diagnostic(d));
}

function showInfo(s) {
  const parts = [];
  if (s.pdf) {
    const last = s.pdf.fills.at(-1);
    parts.push(`${s.pdf.pages} page${s.pdf.pages === 1 ? "" : "s"}`);
    if (last !== undefined) parts.push(`last page ${Math.round(last * 100)}% full`);
    parts.push(`${(s.pdf.bytes / 1024).toFixed(1)} KB`, `built in ${s.pdf.ms} ms`, s.pdf.name);
  }
  $("info").textContent = parts.join(" · ");
  const list = $("warnings");
  list.replaceChildren();
  for (const w of s.warnings) {
    const li = el("li");
    li.append(diagnostic(w));
    list.append(li);
  }
  const download = $("download");
  download.setAttribute("aria-disabled", String(!s.pdf));
  if (s.pdf) download.setAttribute("download", s.pdf.name);
}

function showAts(s) {
  const box = $("ats");
  // Read a moment after the pages are announced: until then, the last reading stays.
  if (!s.ats) return;
  box.replaceChildren();
  const p = s.ats.parsed;
  if (s.ats.job) {
    const j = s.ats.job;
    box.append(el("h3", `Job posting: ${j.score}% of its keywords`));
    if (j.missing.length) box.append(el("p", `Missing: ${j.missing.map((t) => t.term).join(", ")}`, "missing"));
    if (j.found.length) box.append(el("p", `Found: ${j.found.map((t) => t.term).join(", ")}`));
  }
  const dl = el("dl");
  const row = (k, v) => dl.append(el("dt", k), el("dd", v || "—", v ? undefined : "missing"));
  row("Name", p.name);
  row("Email", p.email);
  row("Phone", p.phone);
  row("Location", p.location);
  row("Links", p.links.join(", "));
  if (p.headline.length) row("Headline", p.headline.join(" · "));
  box.append(dl);
  for (const sec of p.sections) {
    const n = sec.entries.length || sec.lines.length;
    const what = sec.entries.length ? (n === 1 ? "entry" : "entries") : n === 1 ? "line" : "lines";
    box.append(el("h3", `${sec.title} (${n} ${what})`));
    if (sec.entries.length) {
      const ul = el("ul");
      for (const e of sec.entries)
        ul.append(el("li", [e.organisation, e.position, e.dates, e.location].filter(Boolean).join(" — ")));
      box.append(ul);
    }
  }
}

function showControls(s) {
  const form = $("controls");
  const fill = (name, values, chosen) => {
    const select = form.elements.namedItem(name);
    const options = [el("option", "as in the file"), ...values.map((v) => el("option", v))];
    options[0].value = "";
    options.forEach((o, i) => {
      if (i > 0) o.value = values[i - 1];
    });
    select.replaceChildren(...options);
    select.value = chosen ?? "";
  };
  fill("theme", s.choices.themes, s.choice.theme);
  fill("paper", s.choices.papers, s.choice.paper);
  fill("variant", s.choices.variants, s.choice.variant);
  fill("letter", s.choices.letters, s.choice.letter);
  fill("language", s.choices.languages, s.choice.language);
  for (const label of form.querySelectorAll("[data-if]")) label.hidden = s.choices[label.dataset.if].length === 0;
  $("permanent").textContent = s.permanent.length
    ? `To keep: ${s.permanent.map((p) => (p.key ? `${p.flag} (or ${p.key})` : p.flag)).join(", ")}`
    : "";
}

async function refresh() {
  const s = await (await fetch("state.json", { cache: "no-store" })).json();
  if (s.id === shownState) return;
  shownState = s.id;
  showProblems(s);
  showInfo(s);
  showAts(s);
  showControls(s);
  if (s.pdf && s.pdf.id !== shownPdf) drawing = drawing.then(() => loadPdf(s.pdf.id)).catch(() => undefined);
  await drawing;
  document.body.dataset.state = String(s.id);
}

$("controls").addEventListener("change", async () => {
  const form = new FormData($("controls"));
  await fetch("choose", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(Object.fromEntries(form.entries())),
  });
});

const setZoom = (z) => {
  zoom = Math.min(4, Math.max(0.25, z));
  sessionStorage.setItem("zoom", String(zoom));
  drawing = drawing.then(draw);
};
$("zoom-in").addEventListener("click", () => setZoom(ZOOMS.find((z) => z > zoom + 1e-6) ?? zoom));
$("zoom-out").addEventListener("click", () => setZoom([...ZOOMS].reverse().find((z) => z < zoom - 1e-6) ?? zoom));
$("zoom-fit").addEventListener("click", async () => {
  if (!doc) return;
  const page = await doc.getPage(1);
  const width = page.getViewport({ scale: 96 / 72 }).width;
  setZoom(($("viewer").clientWidth - 40) / width);
});

// Each build is announced with the number of its PDF: the new pages are fetched and drawn at
// once, while the rest of the state (problems, what a parser reads) is fetched beside them.
let queued = Promise.resolve();
const events = new EventSource("events");
events.addEventListener("build", (e) => {
  const { pdf } = JSON.parse(e.data);
  if (pdf !== null && pdf !== shownPdf) drawing = drawing.then(() => loadPdf(pdf)).catch(() => undefined);
  queued = queued.then(refresh).catch(() => undefined);
});
