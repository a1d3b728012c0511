import { readFileSync } from "node:fs";

/** This tool's name and version, read from package.json (one folder up from src/ and dist/). */
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };

export const TOOL_NAME = pkg.name;
export const VERSION = pkg.version;
