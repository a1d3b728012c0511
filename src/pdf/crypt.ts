/**
 * The PDF reader's decryption: the Standard security handler (RC4 40 to 128 bits, revisions 2 to
 * 4; AES-128, AESV2; AES-256, AESV3, revisions 5 and 6) opened with the empty user password, as
 * a viewer opens a PDF that only an owner password protects (its permissions, not its reading).
 * A PDF that needs a user password to open is refused in plain words.
 */
import { createCipheriv, createDecipheriv, createHash } from "node:crypto";
import { PdfBytes, PdfError, PdfName, type PdfDict, type PdfValue } from "./lexer.js";

/** Decrypts one object's strings and streams. */
export interface Decryptor {
  string(bytes: Uint8Array, num: number, gen: number): Uint8Array;
  stream(bytes: Uint8Array, num: number, gen: number): Uint8Array;
}

const PADDING = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");

const NEEDS_PASSWORD = "it is encrypted with a password; this tool cannot read it";

type Method = "RC4" | "AESV2" | "AESV3" | "None";

/** A decryptor for an Encrypt dictionary and the file's first ID, or a PdfError saying why not. */
export function decryptor(
  enc: PdfDict,
  id: Uint8Array,
  resolve: (v: PdfValue | undefined) => PdfValue | undefined,
): Decryptor {
  const num = (k: string) => {
    const v = resolve(enc.get(k));
    return typeof v === "number" ? v : undefined;
  };
  const bytes = (k: string) => {
    const v = resolve(enc.get(k));
    return v instanceof PdfBytes ? Buffer.from(v.bytes) : Buffer.alloc(0);
  };
  const filter = resolve(enc.get("Filter"));
  if (!(filter instanceof PdfName && filter.name === "Standard"))
    throw new PdfError("it is encrypted with a security handler this tool does not read");
  const v = num("V") ?? 0;
  const r = num("R") ?? 2;
  const o = bytes("O");
  const u = bytes("U");
  const p = num("P") ?? 0;
  let stmf: Method = v >= 4 ? "None" : "RC4";
  let strf: Method = stmf;
  let length = v === 1 ? 40 : (num("Length") ?? 40);
  if (v >= 4) {
    const cf = resolve(enc.get("CF"));
    const method = (name: PdfValue | undefined): Method => {
      const n = resolve(name);
      if (!(n instanceof PdfName) || n.name === "Identity") return "None";
      const f = cf instanceof Map ? resolve(cf.get(n.name)) : undefined;
      const cfm = f instanceof Map ? resolve(f.get("CFM")) : undefined;
      const fl = f instanceof Map ? resolve(f.get("Length")) : undefined;
      if (typeof fl === "number" && v === 4) length = fl <= 32 ? fl * 8 : fl;
      const m = cfm instanceof PdfName ? cfm.name : "None";
      if (m === "V2") return "RC4";
      if (m === "AESV2" || m === "AESV3" || m === "None") return m;
      throw new PdfError(`it is encrypted with the ${m.slice(0, 20)} method, which this tool does not read`);
    };
    stmf = method(enc.get("StmF"));
    strf = method(enc.get("StrF"));
  }
  if (r >= 5) {
    const key = aes256Key(r, u, bytes("UE"));
    return makeDecryptor(key, stmf, strf, true);
  }
  if (r < 2 || r > 4 || v < 1 || v > 4) throw new PdfError("it is encrypted in a way this tool does not read");
  const n = r === 2 ? 5 : Math.max(5, Math.min(16, Math.floor(length / 8)));
  const meta = resolve(enc.get("EncryptMetadata"));
  // Algorithm 2: the file key from the (empty) password.
  const h = createHash("md5").update(PADDING).update(o.subarray(0, 32)).update(le32(p)).update(id);
  if (r >= 4 && meta === false) h.update(Buffer.from([0xff, 0xff, 0xff, 0xff]));
  let key = h.digest().subarray(0, n);
  if (r >= 3) for (let i = 0; i < 50; i++) key = createHash("md5").update(key).digest().subarray(0, n);
  // Algorithms 4 and 5: the empty password is right when it reproduces U.
  let check: Uint8Array;
  if (r === 2) check = rc4(key, PADDING);
  else {
    check = rc4(key, createHash("md5").update(PADDING).update(id).digest());
    for (let i = 1; i <= 19; i++)
      check = rc4(
        key.map((b) => b ^ i),
        check,
      );
  }
  const want = u.subarray(0, r === 2 ? 32 : 16);
  if (want.length < check.length || !Buffer.from(check).equals(want)) throw new PdfError(NEEDS_PASSWORD);
  return makeDecryptor(key, stmf, strf, false);
}

function makeDecryptor(key: Uint8Array, stmf: Method, strf: Method, aes256: boolean): Decryptor {
  const run = (method: Method, data: Uint8Array, num: number, gen: number): Uint8Array => {
    if (method === "None") return data;
    if (aes256) return aes(key, data);
    const salt = method === "AESV2" ? Buffer.from("sAlT") : Buffer.alloc(0);
    const objectKey = createHash("md5")
      .update(key)
      .update(Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]))
      .update(salt)
      .digest()
      .subarray(0, Math.min(16, key.length + 5));
    return method === "AESV2" ? aes(objectKey, data) : rc4(objectKey, data);
  };
  return {
    string: (data, num, gen) => run(strf, data, num, gen),
    stream: (data, num, gen) => run(stmf, data, num, gen),
  };
}

/** AES-CBC with the IV in the first 16 bytes and PKCS#5 padding; damaged data gives what decrypts. */
function aes(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length < 32 || data.length % 16) return data.length < 16 ? new Uint8Array() : aesNoPad(key, data);
  try {
    const d = createDecipheriv(key.length === 32 ? "aes-256-cbc" : "aes-128-cbc", key, data.subarray(0, 16));
    return Buffer.concat([d.update(data.subarray(16)), d.final()]);
  } catch {
    return aesNoPad(key, data);
  }
}

function aesNoPad(key: Uint8Array, data: Uint8Array): Uint8Array {
  const body = data.subarray(16, 16 + Math.floor((data.length - 16) / 16) * 16);
  const d = createDecipheriv(key.length === 32 ? "aes-256-cbc" : "aes-128-cbc", key, data.subarray(0, 16));
  d.setAutoPadding(false);
  return Buffer.concat([d.update(body), d.final()]);
}

/** Revisions 5 and 6: check the empty password against U, then unwrap the file key from UE. */
function aes256Key(r: number, u: Buffer, ue: Buffer): Uint8Array {
  if (u.length < 48 || ue.length < 32) throw new PdfError("it is encrypted in a way this tool does not read");
  const password = Buffer.alloc(0);
  const hash = (salt: Buffer) =>
    r === 5
      ? createHash("sha256").update(password).update(salt).digest()
      : hardenedHash(password, salt, Buffer.alloc(0));
  if (!hash(u.subarray(32, 40)).equals(u.subarray(0, 32))) throw new PdfError(NEEDS_PASSWORD);
  const d = createDecipheriv("aes-256-cbc", hash(u.subarray(40, 48)), Buffer.alloc(16));
  d.setAutoPadding(false);
  return Buffer.concat([d.update(ue.subarray(0, 32)), d.final()]);
}

/** ISO 32000-2's algorithm 2.B: SHA-256, -384 and -512 rounds over AES-128 encryptions. */
function hardenedHash(password: Buffer, salt: Buffer, udata: Buffer): Buffer {
  let k = createHash("sha256").update(password).update(salt).update(udata).digest();
  for (let i = 0; ; i++) {
    const k1 = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([password, k, udata])));
    const c = createCipheriv("aes-128-cbc", k.subarray(0, 16), k.subarray(16, 32));
    c.setAutoPadding(false);
    const e = Buffer.concat([c.update(k1), c.final()]);
    let sum = 0;
    for (let j = 0; j < 16; j++) sum += e[j]!;
    k = createHash(["sha256", "sha384", "sha512"][sum % 3]!)
      .update(e)
      .digest();
    if (i >= 63 && e[e.length - 1]! <= i - 31) break;
  }
  return k.subarray(0, 32);
}

/** RC4 (OpenSSL 3 may leave it out, so it is written here). */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n | 0);
  return b;
};
