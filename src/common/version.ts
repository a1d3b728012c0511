import { readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "./package.js";

/** This tool's name and version, read from its package.json. */
const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
  name: string;
  version: string;
};

export const TOOL_NAME = pkg.name;
export const VERSION = pkg.version;
