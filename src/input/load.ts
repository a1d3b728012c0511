/**
 * Stage 1 — load: read a YAML or JSON file into plain data plus a source map that turns any
 * path into a line and column. Knows files and YAML, nothing about résumés.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import stripJsonComments from "strip-json-comments";
import { isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, visit, type Node, type Pair } from "yaml";
import { formatPath, ResumeError, type Diagnostic } from "../common/errors.js";
import { readBounded, readProblem, readStdin, sizeText, STDIN_LABEL, whatItIs } from "./read.js";

/** Larger files are refused before parsing: a résumé is a few kilobytes. */
export const MAX_INPUT_BYTES = 1024 * 1024;
/** Aliases are rarely useful in a résumé; a small cap stops "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 100;

export interface Position {
  line: number;
  col: number;
}

export interface LoadedSource {
  /** The path as the user gave it (used in messages). */
  file: string;
  /** Folder that relative paths inside the document (badges) are resolved against. */
  dir: string;
  data: unknown;
  /** Where `path` is in the file: its key when `key` is set, else its value; falls back to the
   *  nearest ancestor that exists. */
  locate(path: readonly PropertyKey[], opts?: { key?: boolean }): Position | undefined;
  /** The scalar at `path` as it is written in the file (`02143`, `3.90`), or undefined. */
  sourceText(path: readonly PropertyKey[]): string | undefined;
  /** A problem at `path` (at its key when `key` is set), located, with the path as the file has it. */
  at(path: readonly PropertyKey[], message: string, opts?: { key?: boolean }): Diagnostic;
  /**
   * Problems found while reading that did not stop it (YAML syntax, duplicate keys in YAML, JSON
   * that only YAML accepts): reported together with everything the later stages find.
   */
  problems: Diagnostic[];
  /** Things read as other tools read them, but worth saying (a duplicate key in JSON). */
  warnings: Diagnostic[];
  /**
   * The first line at which the syntax is broken, when it is: what the later stages find from
   * there on may be an effect of the break rather than a problem of its own.
   */
  brokenAt?: number;
}

/**
 * Read and parse `filePath`; messages name it `label` (the path as the user typed it). `-` is
 * standard input. A named pipe or device works too; every read stops at MAX_INPUT_BYTES.
 */
export async function loadFile(filePath: string, label: string = filePath): Promise<LoadedSource> {
  if (filePath === "-") {
    // Standard input can be read once: a command loads its input once (pipeline/prepare.ts).
    const bytes = await readStdin(MAX_INPUT_BYTES, stdinStream ?? process.stdin);
    return { ...parseSource(bytes, STDIN_LABEL), dir: process.cwd() };
  }
  const bytes = await readBounded(filePath, label, MAX_INPUT_BYTES, { streams: true, what: "a résumé" });
  return { ...parseSource(bytes, label), dir: path.dirname(path.resolve(filePath)) };
}

/**
 * Where `-` reads from (tests hand in a stream of their own; else the process's standard input,
 * touched only when read: the startup snapshot may hold no handle).
 */
let stdinStream: NodeJS.ReadableStream | undefined;
export function setStdin(stream: NodeJS.ReadableStream | undefined): void {
  stdinStream = stream;
}

export { readProblem };

/**
 * A regular file other than the résumé (a PDF, a job posting, a CSV), refused unread above
 * `limit` bytes: read synchronously, which only a regular file may be.
 */
export function readFileBounded(filePath: string, label: string, limit: number): Buffer {
  const fail = (message: string) => ResumeError.of(label, message);
  let size: number;
  try {
    const st = statSync(filePath);
    if (st.isDirectory()) throw fail("is a folder, not a file");
    if (!st.isFile()) throw fail(`is ${whatItIs(st)}, not a regular file`);
    size = st.size;
  } catch (err) {
    if (err instanceof ResumeError) throw err;
    throw fail(readProblem(err));
  }
  if (size > limit) throw fail(`is ${size} bytes; the limit is ${limit} bytes (${sizeText(limit)})`);
  try {
    return readFileSync(filePath);
  } catch (err) {
    throw fail(readProblem(err));
  }
}

/** Parse bytes already in memory; `file` names them in messages and decides YAML vs JSON. */
export function parseSource(bytes: Uint8Array, file: string): LoadedSource {
  const fail = (message: string, pos?: Position): never => {
    throw new ResumeError([{ file, line: pos?.line, col: pos?.col, path: "", message }]);
  };
  if (bytes.length > MAX_INPUT_BYTES) {
    fail(`file is ${bytes.length} bytes; the limit is ${MAX_INPUT_BYTES} bytes (1 MiB)`);
  }
  const text = decodeUtf8(bytes, file).replace(/^\uFEFF/, "");
  if (text.trim() === "") fail("file is empty; a résumé needs at least basics.name");

  const lineCounter = new LineCounter();
  const posAt = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };

  const json = /\.json$/i.test(file);
  const problems: Diagnostic[] = [];
  // Comments and trailing commas are read as JSON5 and YAML readers read them: blanked out (the
  // places of everything else stay), each with a warning, refused under --strict.
  const relaxed = json ? relaxJson(text) : undefined;
  const source =
    relaxed && relaxed.fixes.length && strictJsonProblem(relaxed.text, file) === undefined ? relaxed.text : text;
  const fixes = source === text ? [] : relaxed!.fixes;
  // JSON is parsed as the YAML it also is, so that every value has a place; what JSON does not
  // allow is a problem of its own, and the rest is still checked.
  let jsonProblem = json ? strictJsonProblem(source, file) : undefined;

  const deep = flowTooDeep(source);
  if (deep !== undefined) {
    const before = source.slice(0, deep);
    const line = before.split("\n").length;
    throw new ResumeError([{ file, line, col: deep - before.lastIndexOf("\n"), path: "", message: DEEP }]);
  }
  const doc = parseDocument(source, {
    lineCounter,
    prettyErrors: true,
    // Duplicates are found below, to name the key and both places (and, in JSON, to warn only).
    uniqueKeys: false,
    strict: true,
    keepSourceTokens: false,
    // The reader's own warnings (a key that is a list or mapping) would reach the terminal as
    // Node process warnings; they are located warnings of ours instead (collectionKeys below).
    logLevel: "error",
  });

  // JSON that is not JSON, but that YAML reads without a doubt (a line break inside a string,
  // single quotes), is read as YAML reads it, with a warning at the place JSON broke.
  let jsonAssumed: Diagnostic | undefined;
  if (jsonProblem && doc.errors.length === 0) {
    jsonAssumed = {
      ...jsonProblem,
      severity: "warning",
      assumed: true,
      message: `${jsonProblem.message}; read as YAML reads it`,
    };
    jsonProblem = undefined;
  }
  if (jsonProblem) problems.push(jsonProblem);
  if (!jsonProblem) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      problems.push({ file, line: pos?.line, col: pos?.col, path: "", message: yamlMessage(e.code, e.message) });
    }
  }
  const fatal = (): never => {
    throw new ResumeError(problems);
  };
  if (problems.some((p) => p.message === DEEP)) fatal();

  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ""))) {
    if (problems.length) fatal();
    fail("file is empty; a résumé needs at least basics.name");
  }
  // A résumé wrapped in a list of one (`[{ "basics": … }]`) is read as that résumé (coerce.ts).
  const wrapped = isSeq(root) && root.items.length === 1 && isMap(root.items[0]);
  if (!isMap(root) && !wrapped) {
    if (problems.length) fatal();
    const kind = isSeq(root) ? "a list" : "a single value";
    fail(`the top level must be a mapping of sections (basics:, work:, …), not ${kind}`, posAt(root!.range?.[0] ?? 0));
  }

  const warnings: Diagnostic[] = jsonAssumed ? [jsonAssumed] : [];
  warnings.push(
    ...fixes.map((f) => ({
      file,
      ...posAt(f.offset),
      path: "",
      severity: "warning" as const,
      assumed: true,
      message:
        f.kind === "comment"
          ? "a comment, which JSON does not allow; it is ignored, as JSON5 and YAML readers ignore it (write the résumé in YAML to keep comments)"
          : "a trailing comma, which JSON does not allow; it is ignored, as JSON5 and YAML readers ignore it (delete it)",
    })),
  );
  for (const dup of duplicateKeys(root as Node)) {
    const [first, last] = [posAt(dup.first.key.range[0]), posAt(dup.again.key.range[0])];
    const key = JSON.stringify(dup.name);
    if (json) {
      warnings.push({
        file,
        ...last,
        path: formatPath(dup.path),
        message: `duplicate key ${key}: this value (line ${last.line}) replaces the one at line ${first.line}, as in every JSON tool; delete one of them`,
      });
    } else {
      problems.push({
        file,
        ...last,
        path: formatPath(dup.path),
        message: `duplicate key ${key} (first at line ${first.line}); each key may appear only once in a mapping`,
      });
    }
  }

  // A key that is a list or mapping (`? [a, b]`) is read as its text, as every YAML reader that
  // makes plain objects does; said where it is, and refused under --strict.
  visit(doc, {
    Pair: (_, pair) => {
      if (!isMap(pair.key) && !isSeq(pair.key)) return;
      const [start = 0, end = start] = (pair.key as Node).range ?? [];
      const written = source.slice(start, end).replace(/\s+/g, " ").trim();
      warnings.push({
        file,
        ...posAt(start),
        path: "",
        severity: "warning",
        assumed: true,
        message: `a key that is a ${isSeq(pair.key) ? "list" : "mapping"} (${written.length > 60 ? `${written.slice(0, 57)}...` : written}) is read as one key, its text; a key is a plain name`,
      });
    },
  });

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    if (!/alias/i.test((err as Error).message)) {
      if (problems.length) fatal();
      throw err;
    }
    // A "billion laughs" file: aliases of aliases that would expand without end.
    let first: number | undefined;
    visit(doc, { Alias: (_, node) => ((first = node.range?.[0]), visit.BREAK) });
    fail(
      `the file's aliases (*name) would expand into more than ${MAX_ALIAS_COUNT} copies of their anchors; a résumé needs few or none`,
      first === undefined ? undefined : posAt(first),
    );
  }

  // JSON that is not JSON (a comment) may also have been read as YAML that means something else.
  const broken = [...doc.errors.map((e) => e.linePos?.[0].line), jsonProblem?.line].filter(
    (l): l is number => l !== undefined,
  );
  return withPaths(
    {
      file,
      dir: path.dirname(path.resolve(file)),
      data,
      problems,
      warnings,
      brokenAt: broken.length ? Math.min(...broken) : undefined,
      locate(p, opts) {
        const found = findNode(root!, p, opts?.key ?? false);
        return found === undefined ? undefined : posAt(found.offset);
      },
      sourceText(p) {
        const found = findNode(root!, p, false);
        if (!found?.exact || !isScalar(found.node)) return undefined;
        return found.node.source ?? undefined;
      },
    },
    (p) => [...p],
  );
}

/**
 * `source` seen through a mapping of paths: the data's path → the path in the file (a key read
 * under a new name is found, and named in messages, under the name the file gives it).
 */
export function withPaths(
  source: Omit<LoadedSource, "at">,
  toFile: (p: readonly PropertyKey[]) => PropertyKey[],
): LoadedSource {
  const locate: LoadedSource["locate"] = (p, opts) => source.locate(toFile(p), opts);
  return {
    ...source,
    locate,
    sourceText: (p) => source.sourceText(toFile(p)),
    at(p, message, opts) {
      const pos = locate(p, opts);
      return { file: source.file, line: pos?.line, col: pos?.col, path: formatPath(toFile(p)), message };
    },
  };
}

const DEEP = "the document is nested too deeply to be a résumé";

/**
 * Flow collections (`[`, `{`) nested deeper than this are refused before the parser recurses into
 * them, at the bracket that goes too deep. The parser's own limit is where the stack runs out,
 * which depends on how much of it the caller used, so its place in the message would vary.
 */
const MAX_FLOW_DEPTH = 256;
/** Lexer tokens that mark a context and take no characters of the source. */
const NO_SOURCE = new Set(["\x02", "\x18", "\x1f"]);

/** The offset of the first bracket nested deeper than MAX_FLOW_DEPTH, if any. */
function flowTooDeep(text: string): number | undefined {
  // Cheap first: fewer brackets than the limit in all cannot nest that deep (the usual case).
  let brackets = 0;
  for (let i = 0; i < text.length && brackets <= MAX_FLOW_DEPTH; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets <= MAX_FLOW_DEPTH) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === "[" || token === "{") {
      if (++depth > MAX_FLOW_DEPTH) return offset;
    } else if (token === "]" || token === "}") depth = Math.max(0, depth - 1);
    if (!NO_SOURCE.has(token)) offset += token.length;
  }
  return undefined;
}

interface Duplicate {
  name: string;
  path: PropertyKey[];
  first: Pair<Node & { range: [number, number, number] }>;
  again: Pair<Node & { range: [number, number, number] }>;
}

/** Keys that appear twice in one mapping, walked without recursion (documents may be deep). */
function duplicateKeys(root: Node): Duplicate[] {
  const out: Duplicate[] = [];
  const stack: [unknown, PropertyKey[]][] = [[root, []]];
  while (stack.length) {
    const [node, at] = stack.pop()!;
    if (isMap(node)) {
      const seen = new Map<string, Duplicate["first"]>();
      for (const pair of node.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const name = String(pair.key.value);
        const earlier = seen.get(name);
        const p = pair as Duplicate["first"];
        if (earlier) out.push({ name, path: [...at, name], first: earlier, again: p });
        else seen.set(name, p);
        stack.push([pair.value, [...at, name]]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push([item, [...at, i]]));
    }
  }
  return out.sort((a, b) => a.again.key.range[0] - b.again.key.range[0]);
}

function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const lines = Buffer.from(bytes.subarray(0, bad)).toString("utf8").split("\n");
    throw new ResumeError([
      {
        file,
        line: lines.length,
        col: lines[lines.length - 1]!.length + 1,
        path: "",
        message: `the file is not valid UTF-8 (byte 0x${bytes[bad]?.toString(16).padStart(2, "0")} at offset ${bad}); save it as UTF-8`,
      },
    ]);
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

/** YAML accepts things JSON does not (trailing commas, comments); a .json file must be JSON. */
/**
 * `text` with its comments and trailing commas blanked out by spaces (line breaks kept, so every
 * other character keeps its line and column: strip-json-comments, which knows where strings are),
 * and where each was.
 */
export function relaxJson(text: string): {
  text: string;
  fixes: { offset: number; kind: "comment" | "trailing comma" }[];
} {
  const out = stripJsonComments(text, { trailingCommas: true, whitespace: true });
  const fixes: { offset: number; kind: "comment" | "trailing comma" }[] = [];
  if (out === text) return { text, fixes };
  // A comma blanked out is a trailing comma; a slash blanked out starts a comment, which runs to
  // the end of its line (//) or to its */.
  for (let i = 0; i < text.length; i++) {
    if (out[i] === text[i]) continue;
    if (text[i] === ",") {
      fixes.push({ offset: i, kind: "trailing comma" });
    } else if (text[i] === "/") {
      fixes.push({ offset: i, kind: "comment" });
      const end = text[i + 1] === "*" ? text.indexOf("*/", i + 2) + 1 : text.slice(i).search(/[\r\n]/) + i - 1;
      i = end > i ? end : text.length;
    }
  }
  return { text: out, fixes };
}

/** Where `ch` first appears outside a JSON string, as a match of `position N`. */
function unexpectedAt(text: string, ch: string | undefined): [string, string] | null {
  if (ch === undefined) return null;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ch) return [`position ${i}`, String(i)];
  }
  return null;
}

function strictJsonProblem(text: string, file: string): Diagnostic | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const msg = (err as Error).message;
    // Node gives the position for most errors; for an unexpected character it names the
    // character instead, found here as its first place outside a string.
    const m = /position (\d+)/.exec(msg) ?? unexpectedAt(text, /^Unexpected token '(.)'/su.exec(msg)?.[1]);
    let pos: Position | undefined;
    let hint = "";
    let found = "";
    let said: string | undefined;
    if (m) {
      let offset = Number(m[1]);
      const control = /control character/i.test(msg);
      const escape = /escaped character/i.test(msg);
      // The place is the character that broke it: past any spaces after the last good value (a
      // control character is itself the culprit; a bad escape starts at its backslash).
      if (escape && text[offset - 1] === "\\") offset--;
      else if (!control) while (offset < text.length && /\s/.test(text[offset]!)) offset++;
      const lines = text.slice(0, offset).split("\n");
      pos = { line: lines.length, col: lines[lines.length - 1]!.replace(/\r$/, "").length + 1 };
      const ch = text.codePointAt(offset);
      found = ch === undefined ? ", found the end of the file" : `, found \u201C${String.fromCodePoint(ch)}\u201D`;
      if (control && ch !== undefined) {
        const name =
          ch === 10 || ch === 13
            ? "a line break"
            : ch === 9
              ? "a tab"
              : `the control character U+${ch.toString(16).toUpperCase().padStart(4, "0")}`;
        said = `${name} inside a string, which JSON does not allow (write ${ch === 9 ? "\\t" : ch === 10 || ch === 13 ? "\\n" : "\\u…"} instead)`;
      } else if (escape && ch !== undefined) {
        const esc = text.slice(offset, offset + 2);
        said = `\u201C${esc}\u201D is not an escape JSON knows (write \u201C\\${esc}\u201D for a backslash, or \u201C${esc.slice(1)}\u201D without one)`;
      } else if (/^Expected ',' or '[}\]]'/.test(msg) && ch !== undefined) hint = " (a comma missing before it?)";
      else if (ch === undefined) hint = " (the file is cut short, or a } or ] is missing)";
      else if (/^'/.test(text.slice(offset))) hint = " (JSON needs double quotes)";
    }
    if (said) return { file, line: pos?.line, col: pos?.col, path: "", message: `invalid JSON: ${said}` };
    const detail = msg
      .replace(/ in JSON at position \d+.*$/s, "")
      .replace(/^JSON\.parse: /, "")
      .replace(/, ".*" is not valid JSON$/s, "")
      .replace(/^(Unexpected token) .*$/s, "$1")
      .replace(/ at position \d+$/, "");
    const lower = detail.charAt(0).toLowerCase() + detail.slice(1);
    return {
      file,
      line: pos?.line,
      col: pos?.col,
      path: "",
      message: `invalid JSON: ${/^unexpected token$/.test(lower) ? "unexpected character" : lower}${found}${hint}`,
    };
  }
}

function yamlMessage(code: string, message: string): string {
  const first = message.split(/ at line \d+, column \d+/)[0]!.trim();
  switch (code) {
    case "TAB_AS_INDENT":
      return "tab used for indentation; YAML needs spaces";
    default:
      if (/call stack/i.test(message)) return DEEP;
      return `YAML syntax error: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  }
}

/**
 * The node at `path` (or its key), or the deepest ancestor that exists (`exact` false). Of two
 * pairs with the same key, the last one counts, as it does in the data.
 */
function findNode(
  root: Node,
  path: readonly PropertyKey[],
  key: boolean,
): { node: unknown; offset: number; exact: boolean } | undefined {
  let node: unknown = root;
  let best = root.range?.[0];
  const found = (exact: boolean) => (best === undefined ? undefined : { node, offset: best, exact });
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.findLast((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) return found(false);
      const k = pair.key as Node;
      if (last && key) {
        best = k.range?.[0] ?? best;
        node = k;
        return found(true);
      }
      node = pair.value;
      best = (pair.value as Node | null)?.range?.[0] ?? k.range?.[0] ?? best;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) return found(false);
      node = item;
      best = item.range?.[0] ?? best;
    } else {
      return found(false);
    }
  }
  return found(true);
}
