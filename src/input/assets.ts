/**
 * Images the résumé refers to (certificate badges): read, identify and measure them, with
 * located errors for anything that is missing or not a PNG/JPEG.
 */
import path from "node:path";
import { ResumeError, type Diagnostic } from "../common/errors.js";
import { MAX_IMAGE_BYTES, readBounded } from "./read.js";
import type { LoadedSource } from "./load.js";
import { asRecord } from "./schema.js";
import { prepareImage } from "./images.js";

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

/**
 * Read the images the résumé will print; `photo` says whether basics.image is one of them, and
 * which setting asked for it. Reads defensively: it also runs on a document that failed
 * validation, so that image problems are reported with the others.
 */
export async function loadAssets(
  resume: unknown,
  source: LoadedSource,
  opts: { photo?: boolean; photoFrom?: "--photo" | "render.photo" } = {},
): Promise<{ assets: Assets; problems: Diagnostic[] }> {
  const problems: { order: number; d: Diagnostic }[] = [];
  const load = async (ref: string, where: PropertyKey[], order: number): Promise<ImageAsset | undefined> => {
    const fail = (message: string) => {
      problems.push({ order, d: source.at(where, message) });
      return undefined;
    };
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
      return fail(
        "remote images are not fetched (builds are offline and reproducible); download the image and give its path",
      );
    }
    const file = path.resolve(source.dir, ref);
    let data: Buffer;
    try {
      // A regular file only (a pipe or a device is refused unread), at most MAX_IMAGE_BYTES.
      data = await readBounded(file, file, MAX_IMAGE_BYTES, { what: "an image" });
    } catch (err) {
      if (!(err instanceof ResumeError)) throw err;
      const message = err.diagnostics[0]!.message;
      return fail(
        message === "file not found" ? `image not found: ${file}` : `${file} ${message.replace(/^file /, "")}`,
      );
    }
    try {
      return { ...(await prepareImage(data)), file };
    } catch (err) {
      return fail(`${ref}: ${(err as Error).message}`);
    }
  };

  const doc = asRecord(resume);
  const badges = new Map<object, ImageAsset>();
  const certificates = Array.isArray(doc.certificates) ? (doc.certificates as unknown[]) : [];
  const jobs = certificates.map(async (cert, i) => {
    const badge = asRecord(cert).badge;
    if (typeof badge !== "string" || !badge) return;
    const image = await load(badge, ["certificates", i, "badge"], i + 1);
    if (image) badges.set(cert as object, image);
  });
  let photo: ImageAsset | undefined;
  if (opts.photo) {
    const image = asRecord(doc.basics).image;
    const ref = typeof image === "string" ? image.trim() : "";
    if (!ref) {
      const from = opts.photoFrom ?? "render.photo";
      const d =
        from === "render.photo" ? source.at(["render", "photo"], "") : { file: source.file, path: from, message: "" };
      problems.push({ order: 0, d: { ...d, message: "a photo was asked for, but basics.image is not set" } });
    } else {
      jobs.push(load(ref, ["basics", "image"], 0).then((img) => void (photo = img)));
    }
  }
  await Promise.all(jobs);
  return { assets: { badges, photo }, problems: problems.sort((a, b) => a.order - b.order).map((p) => p.d) };
}
