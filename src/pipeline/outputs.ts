/**
 * The outputs of one build, résumé or letter, through the one table (output/formats.ts): made in
 * the table's order as what they need becomes known (the view model, the layout's tokens, the
 * drawn PDF), checked against what is on disk before anything is drawn, and written together.
 */
import { ResumeError, type Diagnostic } from "../common/errors.js";
import {
  knownName,
  OUTPUTS,
  type Format,
  type OutputDocument,
  type OutputFormat,
  type OutputInput,
} from "../output/formats.js";
import { refuseForeign, writeOutputs } from "../output/write.js";
import type { ThemeTokens } from "../render/themes/tokens.js";
import type { BuildOptions } from "./options.js";

type Needs = OutputFormat["needs"];

export class BuildOutputs {
  private readonly made = new Map<Format, [string, Uint8Array][]>();

  constructor(
    /** The formats asked for, in the table's order (chosenFormats). */
    readonly formats: Format[],
    private readonly base: Omit<OutputInput, "tokens" | "pdf"> & { document: OutputDocument },
    /** The build's warnings: an output's notes join them, and travel with an output's error. */
    private readonly warnings: Diagnostic[],
    /** Keep the files (`kept`) instead of writing them: nothing on disk is read or changed. */
    private readonly inMemory = false,
  ) {}

  /** The files an in-memory build made, by name, in the table's order. */
  kept?: [string, Uint8Array][];

  /** Whether any output needs the document laid out (a PDF, PNG or Word file). */
  get laidOut(): boolean {
    return this.formats.some((f) => OUTPUTS[f].needs !== "model");
  }

  /** Whether any output needs the drawn PDF. */
  get drawn(): boolean {
    return this.formats.some((f) => OUTPUTS[f].needs === "pdf");
  }

  /** Make the outputs that need no more than `needs` and are not made yet. */
  async make(needs: Needs, tokens: ThemeTokens, pdf?: Uint8Array): Promise<void> {
    const upTo: Needs[] = needs === "model" ? ["model"] : needs === "layout" ? ["model", "layout"] : [];
    for (const format of this.formats) {
      const output = OUTPUTS[format];
      if (this.made.has(format) || (needs !== "pdf" && !upTo.includes(output.needs))) continue;
      let made;
      try {
        made = await output.write({ ...this.base, tokens, pdf });
      } catch (err) {
        if (err instanceof ResumeError) throw new ResumeError(err.diagnostics, this.warnings);
        throw err;
      }
      this.made.set(format, made.files);
      for (const message of made.notes ?? [])
        this.warnings.push({ file: this.base.label, path: "", severity: "note", message });
    }
  }

  /**
   * Refuse, before anything is drawn, every output whose name is known now (all but the PDF,
   * checked first, and the PNGs, one a page) that would replace what this tool may not; an output
   * made already is compared with what is there.
   */
  async refuseForeign(inputs: string[]): Promise<void> {
    if (this.inMemory) return;
    const names = this.formats
      .filter((f) => OUTPUTS[f].needs !== "pdf")
      .map((f) => knownName(f, this.base.pdfPath))
      .filter((f): f is string => f !== undefined);
    await refuseForeign(names, inputs, new Map([...this.made.values()].flat()));
  }

  /** Write every output made, in the table's order; the files written. */
  async write(onWrite: BuildOptions["onWrite"], inputs: string[]): Promise<string[]> {
    const files = this.formats.flatMap((f) => this.made.get(f) ?? []);
    if (this.inMemory) {
      this.kept = files;
      return files.map(([name]) => name);
    }
    return writeOutputs(files, onWrite, inputs);
  }
}
