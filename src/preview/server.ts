/**
 * The preview server: the page, pdf.js, the current state, its changes (Server-Sent Events), the
 * last good PDF and its download, on 127.0.0.1 only, under a random token.
 *
 * Safe by default: a request whose `Host` is not this server's loopback name and port is refused
 * (DNS rebinding), as is one from another origin (`Origin`, `Sec-Fetch-Site`); a change of choice
 * must be a same-origin JSON POST. Every route is a fixed name: nothing of a request's path
 * reaches the file system. Nothing is written anywhere; closing the server leaves nothing behind.
 */
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { PACKAGE_ROOT } from "../common/package.js";
import { PreviewSession, type Choice, type PreviewState, type SessionOptions } from "./session.js";

export interface PreviewOptions extends SessionOptions {
  /** The port to listen on; 0 (the default) lets the system choose a free one. */
  port?: number;
  /** The token in the URL; random unless given (tests). */
  token?: string;
}

export interface Preview {
  url: string;
  port: number;
  session: PreviewSession;
  close(): Promise<void>;
}

/** The page's own files, each read once, by the name the page asks for. */
function assets(): Map<string, { type: string; body: Buffer }> {
  const require = createRequire(path.join(PACKAGE_ROOT, "package.json"));
  const pdfjs = (name: string) => {
    const shipped = path.join(PACKAGE_ROOT, "dist/preview/pdfjs", name);
    return existsSync(shipped) ? shipped : require.resolve(`pdfjs-dist/build/${name}`);
  };
  const files: [string, string, string][] = [
    ["", path.join(PACKAGE_ROOT, "preview/index.html"), "text/html; charset=utf-8"],
    ["app.js", path.join(PACKAGE_ROOT, "preview/app.js"), "text/javascript; charset=utf-8"],
    ["app.css", path.join(PACKAGE_ROOT, "preview/app.css"), "text/css; charset=utf-8"],
    ["pdf.min.mjs", pdfjs("pdf.min.mjs"), "text/javascript; charset=utf-8"],
    ["pdf.worker.min.mjs", pdfjs("pdf.worker.min.mjs"), "text/javascript; charset=utf-8"],
  ];
  return new Map(files.map(([name, file, type]) => [name, { type, body: readFileSync(file) }]));
}

/** The page's Content-Security-Policy: its own scripts, styles and connections only. */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; " +
  "connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
};

const MAX_BODY = 4096;

/** What an event says: the state's number, and its PDF's, so the page can fetch the pages at once. */
const announce = (s: PreviewState) => JSON.stringify({ id: s.id, pdf: s.pdf?.id ?? null });

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  // Loaded here, not with the module: the command's startup snapshot cannot hold node:http.
  const { createServer } = await import("node:http");
  const token = opts.token ?? randomBytes(16).toString("hex");
  const files = assets();
  const session = new PreviewSession(opts);
  const streams = new Set<ServerResponse>();
  let port = 0;

  const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra = {}) => {
    res.writeHead(status, { ...HEADERS, "Content-Type": type, ...extra });
    res.end(body);
  };
  const refuse = (res: ServerResponse, status: number, why: string) =>
    send(res, status, "text/plain; charset=utf-8", `${why}\n`);

  /** Whether the request comes to this server by its loopback name, from its own page (or no page). */
  const trusted = (req: IncomingMessage): string | undefined => {
    const host = (req.headers.host ?? "").toLowerCase();
    const hosts = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
    if (!hosts.includes(host)) return "this server answers only to its loopback address";
    const origin = req.headers.origin;
    if (origin !== undefined && !hosts.map((h) => `http://${h}`).includes(origin.toLowerCase()))
      return "cross-origin requests are refused";
    const site = req.headers["sec-fetch-site"];
    if (site !== undefined && site !== "same-origin" && site !== "none") return "cross-site requests are refused";
    return undefined;
  };

  const server = createServer((req, res) => {
    const why = trusted(req);
    if (why) return refuse(res, 403, why);
    const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
    const prefix = `/${token}/`;
    if (!url.pathname.startsWith(prefix)) return refuse(res, 404, "not found");
    const route = url.pathname.slice(prefix.length);
    if (req.method === "POST" && route === "choose") return choose(req, res);
    if (req.method !== "GET" && req.method !== "HEAD") return refuse(res, 405, "method not allowed");
    const asset = files.get(route);
    if (asset) return send(res, 200, asset.type, asset.body);
    switch (route) {
      case "state.json":
        return send(res, 200, "application/json; charset=utf-8", JSON.stringify(session.state));
      case "resume.pdf":
      case "download": {
        const pdf = session.pdf;
        if (!pdf) return refuse(res, 404, "no PDF yet");
        const name = session.state.pdf?.name ?? "resume.pdf";
        const disposition =
          route === "download"
            ? `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`
            : "inline";
        return send(res, 200, "application/pdf", pdf, { "Content-Disposition": disposition });
      }
      case "events": {
        res.writeHead(200, {
          ...HEADERS,
          "Content-Type": "text/event-stream; charset=utf-8",
          Connection: "keep-alive",
        });
        res.write(`retry: 500\nevent: build\ndata: ${announce(session.state)}\n\n`);
        streams.add(res);
        req.on("close", () => streams.delete(res));
        return;
      }
      default:
        return refuse(res, 404, "not found");
    }
  });

  const choose = (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.origin === undefined) return refuse(res, 403, "a change must come from the preview page");
    if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) return refuse(res, 415, "JSON expected");
    let body = "";
    let tooLong = false;
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) tooLong = true;
    });
    req.on("end", () => {
      if (tooLong) return refuse(res, 413, "too large");
      let choice: Choice;
      try {
        const raw = JSON.parse(body) as Record<string, unknown>;
        const pick = (k: keyof Choice) => (typeof raw[k] === "string" && raw[k] ? (raw[k] as string) : undefined);
        choice = {
          theme: pick("theme"),
          paper: pick("paper"),
          variant: pick("variant"),
          letter: pick("letter"),
          language: pick("language"),
        };
      } catch {
        return refuse(res, 400, "not JSON");
      }
      session.choose(choice);
      send(res, 200, "application/json; charset=utf-8", JSON.stringify({ ok: true, choice: session.state.choice }));
    });
  };

  const heartbeat = setInterval(() => {
    for (const s of streams) s.write(": ping\n\n");
  }, 15_000);
  heartbeat.unref();
  session.onChange((s) => {
    for (const stream of streams) stream.write(`event: build\ndata: ${announce(s)}\n\n`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  session.start();

  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    session,
    close: async () => {
      clearInterval(heartbeat);
      for (const s of streams) s.end();
      streams.clear();
      await session.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
