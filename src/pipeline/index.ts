/**
 * The library, as the package exports it (`import { build, buildMany } from "resume-builder"`,
 * bundled into dist/lib.mjs): the pipeline's functions and the types they take and give.
 */
export {
  build,
  prepareResume,
  FORMATS,
  type BuildOptions,
  type BuildResult,
  type PreparedResume,
  type Format,
} from "./build.js";
export { buildMany, type BatchJob, type BatchResult } from "./batch.js";
export { ResumeError, formatDiagnostic, type Diagnostic } from "../common/errors.js";
export { findThemes, newThemeFile, themeJsonSchema, type FoundTheme } from "./themes.js";
