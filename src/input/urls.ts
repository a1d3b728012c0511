/**
 * Web and email addresses as people write them, and the rule for which of them may be links:
 * `www.example.com` is read as an https:// address, and one that cannot be a link (no dot in its
 * host, a `javascript:` link, a space) is named, with the reason, and prints as text. The
 * schema's address fields and the view model's links both follow it.
 */
import { z } from "zod";
import { linkRefusal } from "../common/links.js";

/**
 * A web address as people write it: `www.example.com` and `linkedin.com/in/x` are links with
 * https:// (a scheme-relative `//example.com` too). Anything else is left for the check.
 */
export function completeUrl(value: string): string {
  const v = value.trim();
  if (v.startsWith("//")) return `https:${v}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(v)) return v;
  return /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?::\d{1,5})?(?:[/?#]\S*)?$/u.test(v)
    ? `https://${v}`
    : v;
}

/**
 * Why `value` cannot be a link, or undefined when it can: a web address, mailto: or tel:. The one
 * rule for every link every output makes (the view model, inline markup, HTML), see common/links.ts.
 */
export function urlProblem(value: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return `"${value}" is not a web address; write the whole address, starting with https://`;
  const refused = linkRefusal(value);
  if (refused && !/^https?$/.test(scheme)) return `"${value}": ${refused}; use an https:// address`;
  if (refused) return `"${value}" ${refused}`;
  if (scheme === "http" || scheme === "https")
    return isWebUrl(value) ? undefined : `"${value}" ${webUrlProblem(value)}`;
  return undefined;
}

/** Endings of host names, most used first: what a host without a dot most likely lost its dot before. */
const TLDS = [
  "com",
  "org",
  "net",
  "io",
  "dev",
  "edu",
  "gov",
  "co",
  "me",
  "ai",
  "app",
  "info",
  "tech",
  "de",
  "uk",
  "fr",
  "es",
  "it",
  "nl",
  "br",
  "in",
  "jp",
  "ru",
  "ca",
  "au",
  "ch",
  "se",
  "pl",
  "eu",
  "us",
];

/** Why an http(s) address cannot be a link, in words (the host has no dot; did you mean sce.com?). */
function webUrlProblem(value: string): string {
  if (/\s/.test(value.trim())) return "has a space in it, so it is not a valid URL";
  let host: string;
  try {
    host = new URL(value).hostname;
  } catch {
    return "is not a valid URL";
  }
  if (!host) return "has no host name, so it is not a valid URL";
  if (!host.includes(".")) {
    const tld = TLDS.find((t) => host.length > t.length + 1 && host.toLowerCase().endsWith(t));
    return `looks wrong: the host "${host}" has no dot${tld ? `; did you mean ${host.slice(0, -tld.length)}.${tld}?` : ""}`;
  }
  return "is not a valid URL";
}

export function isWebUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && /^[^.]+(\.[^.]+)+$|^localhost$/.test(u.hostname);
  } catch {
    return false;
  }
}

/** Why `value` is no email address, or undefined when it is one. */
const EMAIL = z.email();
export function emailProblem(value: string): string | undefined {
  return EMAIL.safeParse(value.trim()).success ? undefined : `"${value.trim()}" is not a valid email address`;
}
