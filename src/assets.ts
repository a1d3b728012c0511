/**
 * Images the résumé refers to (certificate badges): read, identify and measure them, with
 * located errors for anything that is missing or not a PNG/JPEG.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatPath, ResumeError, type Diagnostic } from "./errors.js";
import type { LoadedSource } from "./load.js";
import { prepareImage } from "./images.js";
import type { Resume } from "./schema.js";

export interface ImageAsset {
  data: Buffer;
  format: "png" | "jpg";
  width: number;
  height: number;
  file: string;
}

export interface Assets {
  /** Badge of each certificate, by the certificate itself (variants filter the list). */
  badges: Map<object, ImageAsset>;
  /** basics.image, when the résumé prints a photo. */
  photo?: ImageAsset;
}

/** Read the images the résumé will print; `photo` says whether basics.image is one of them. */
export async function loadAssets(resume: Resume, source: LoadedSource, opts: { photo?: boolean } = {}): Promise<Assets> {
  const problems: { order: number; d: Diagnostic }[] = [];
  const load = async (ref: string, where: PropertyKey[], order: number): Promise<ImageAsset | undefined> => {
    const fail = (message: string) => {
      const pos = source.locate(where);
      problems.push({ order, d: { file: source.file, line: pos?.line, col: pos?.col, path: formatPath(where), message } });
      return undefined;
    };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
      return fail("remote images are not fetched (builds are offline and reproducible); download the image and give its path");
    }
    const file = path.resolve(source.dir, ref);
    let data: Buffer;
    try {
      data = readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      return fail(code === "ENOENT" ? `image not found: ${file}` : `cannot read image ${file} (${code ?? String(err)})`);
    }
    try {
      return { ...(await prepareImage(data)), file };
    } catch (err) {
      return fail(`${ref}: ${(err as Error).message}`);
    }
  };

  const badges = new Map<object, ImageAsset>();
  const jobs = (resume.certificates ?? []).map(async (cert, i) => {
    if (!cert.badge) return;
    const image = await load(cert.badge, ["certificates", i, "badge"], i + 1);
    if (image) badges.set(cert, image);
  });
  let photo: ImageAsset | undefined;
  if (opts.photo) {
    const image = resume.basics.image?.trim();
    if (!image) {
      const pos = source.locate(["render", "photo"]);
      problems.push({ order: 0, d: { file: source.file, line: pos?.line, col: pos?.col, path: "render.photo", message: "a photo was asked for, but basics.image is not set" } });
    } else {
      jobs.push(load(image, ["basics", "image"], 0).then((img) => void (photo = img)));
    }
  }
  await Promise.all(jobs);
  if (problems.length) throw new ResumeError(problems.sort((a, b) => a.order - b.order).map((p) => p.d));
  return { badges, photo };
}
