/** Images that would print blurred: warned about, not refused. */
import type { Diagnostic } from "../common/errors.js";
import type { Assets } from "../input/assets.js";
import type { LoadedSource } from "../input/load.js";
import type { Resume } from "../input/schema.js";
import type { ThemeTokens } from "../render/themes/tokens.js";

/** Images that would print below 300 dpi at the theme's badge size. */
export function imageWarnings(resume: Resume, source: LoadedSource, assets: Assets, tokens: ThemeTokens): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [i, cert] of (resume.certificates ?? []).entries()) {
    const image = assets.badges.get(cert);
    if (!image) continue;
    // Drawn with its proportions kept, the long side spans the badge's square.
    const dpi = Math.floor(Math.max(image.width, image.height) / (tokens.badge / 72));
    if (dpi < 300) {
      const pos = source.locate(["certificates", i, "badge"]);
      const need = Math.ceil((300 * tokens.badge) / 72);
      out.push({
        file: source.file,
        line: pos?.line,
        col: pos?.col,
        path: `certificates[${i}].badge`,
        message: `the image prints at ${dpi} dpi (${image.width}×${image.height} px at ${tokens.badge} pt); use one of at least ${need}×${need} px for 300 dpi`,
      });
    }
  }
  return out;
}
