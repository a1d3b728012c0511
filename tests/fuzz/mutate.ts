/**
 * Mutations for fuzzing: seeded (the same seed gives the same cases), byte-level and token-level.
 * Format-specific tokens (PDF operators, ZIP headers, CSV quotes) are passed in by each fuzz test.
 */
import { seeded } from "../../src/common/random.js";

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x0a, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x2f, 0x25, 0x5c];

/** One mutation of `input`: a bit flip, an interesting byte, a cut, a copy, a token, or a truncation. */
export function mutate(input: Uint8Array, random: () => number, tokens: readonly string[] = []): Uint8Array {
  const n = input.length;
  const at = () => Math.floor(random() * Math.max(1, n));
  const kind = Math.floor(random() * (tokens.length ? 8 : 6));
  const out = Buffer.from(input);
  switch (kind) {
    case 0: {
      const i = at();
      if (n) out[i]! ^= 1 << Math.floor(random() * 8);
      return out;
    }
    case 1: {
      const i = at();
      if (n) out[i] = INTERESTING[Math.floor(random() * INTERESTING.length)]!;
      return out;
    }
    case 2: {
      const i = at();
      const len = Math.floor(random() * 64) + 1;
      return Buffer.concat([out.subarray(0, i), out.subarray(i + len)]);
    }
    case 3: {
      const i = at();
      const j = at();
      const len = Math.floor(random() * 256) + 1;
      return Buffer.concat([out.subarray(0, j), out.subarray(i, i + len), out.subarray(j)]);
    }
    case 4:
      return out.subarray(0, at());
    case 5: {
      // A run of digits made huge, negative or fractional.
      const text = out.toString("latin1");
      const re = /\d+/g;
      const matches = [...text.matchAll(re)];
      if (!matches.length) return out;
      const m = matches[Math.floor(random() * matches.length)]!;
      const repl = ["-1", "0", "99999999999", "1e308", "2147483648", "-0.5", "4294967295", "NaN"][
        Math.floor(random() * 8)
      ]!;
      return Buffer.from(text.slice(0, m.index) + repl + text.slice(m.index! + m[0].length), "latin1");
    }
    default: {
      const i = at();
      const token = tokens[Math.floor(random() * tokens.length)]!;
      const replace = kind === 7 ? Math.floor(random() * 16) : 0;
      return Buffer.concat([out.subarray(0, i), Buffer.from(token, "latin1"), out.subarray(i + replace)]);
    }
  }
}

/** `count` cases from `seeds`, each one to three mutations deep, labelled by seed and index. */
export function* mutations(
  seeds: readonly { label: string; bytes: Uint8Array }[],
  count: number,
  seed: number,
  tokens: readonly string[] = [],
): Generator<{ label: string; bytes: Uint8Array }> {
  const random = seeded(seed);
  for (let i = 0; i < count; i++) {
    const base = seeds[i % seeds.length]!;
    let bytes = base.bytes;
    const depth = 1 + Math.floor(random() * 3);
    for (let d = 0; d < depth; d++) bytes = mutate(bytes, random, tokens);
    yield { label: `${base.label} #${i} (seed ${seed})`, bytes };
  }
}
