/**
 * Text from the input (a key, a value, a ZIP entry's name, a PDF's text) reaches the terminal in
 * messages and reports. A terminal obeys control characters: ESC starts sequences that retitle
 * the window, clear the screen or move the cursor, and bidirectional overrides reorder what is
 * shown, so text could fake this tool's own output. Messages therefore show every such
 * character as a visible escape (`\x1b`, `\u202e`); data written to a file or a pipe on purpose
 * (YAML from `resume extract`, --json) is left as it is.
 */

/** C0 controls, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The colour and weight codes the CLI itself writes (Context.paint), allowed when colour is on. */
// eslint-disable-next-line no-control-regex -- the CLI's own escape sequences
const OWN_STYLES = /\u001b\[(?:0|1|2|31|32|33)m/y;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

const visible = (c: string) => {
  if (Object.hasOwn(NAMED, c)) return NAMED[c]!;
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/**
 * `text` with its control characters shown as escapes, but those in `keep` (by default the line breaks and tabs that
 * lay out a message).
 */
export function escapeControls(text: string, keep = "\n\t"): string {
  return text.replace(CONTROLS, (c) => (keep.includes(c) ? c : visible(c)));
}

/** A message as the terminal is to show it: controls escaped, but the CLI's own colours when `color` is on. */
export function terminalText(text: string, color = false): string {
  return text.replace(CONTROLS, (c, at: number) => {
    if (c === "\n" || c === "\t") return c;
    if (color && c === "\u001b") {
      OWN_STYLES.lastIndex = at;
      if (OWN_STYLES.test(text)) return c;
    }
    return visible(c);
  });
}
