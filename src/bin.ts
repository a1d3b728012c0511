#!/usr/bin/env node
import { main } from "./cli.js";
import { removeTempFiles } from "./write.js";

// Interrupted (Ctrl-C, a CI timeout): leave no temporary file behind. The PDF itself is only
// ever renamed into place whole, so there is no partial PDF to clean up.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.once(signal, () => {
    removeTempFiles();
    process.exit(code);
  });
}

process.exitCode = await main(process.argv.slice(2));
