/**
 * Addresses as the view model prints and links them: the contact line (place, email, phone, web
 * addresses and profiles), a URL in its readable form, which addresses become links (the rule of
 * input/urls.ts), and a place as one line of text.
 */
import { linkRefusal } from "../common/links.js";
import type { Resume } from "../input/schema.js";
import { emailProblem, urlProblem } from "../input/urls.js";
import { networkIcon, websiteIcon } from "./networks.js";
import { joinNonEmpty, typeset, typesetText as t } from "./typeset.js";
import type { Link } from "./view-model.js";

/**
 * A URL as printed: short, and still a URL to a reader that only has the text. With a path it
 * loses its scheme and `www.` (`https://www.linkedin.com/in/rajat-jog/` → `linkedin.com/in/rajat-jog`);
 * a bare host keeps `www.` when it has one, or else its scheme (`https://jane.dev`): URL
 * detectors (and applicant-tracking systems) do not recognise `jane.dev`.
 */
export function displayUrl(url: string): string {
  // One that is no link prints as written: shortened, `https://a.example@b.example/x` would read as a.example.
  if (linkRefusal(url)) return url.trim();
  const rest = url.replace(/^https?:\/\//i, "").replace(/\/$/, "");
  if (/[/?#]/.test(rest)) return rest.replace(/^www\./i, "");
  if (/^www\./i.test(rest) || !/^https?:\/\//i.test(url)) return rest;
  return `https://${rest}`;
}

/** A link target only for an address that can be one; the input warned about any other. */
export const linkTarget = (url: string | undefined) =>
  url !== undefined && urlProblem(url) === undefined ? url : undefined;

/** Digits with the usual separators, an optional + and extension: something a phone can dial. */
export function isPhoneNumber(s: string): boolean {
  return /^\+?[\d\s().\-/]+(?:\s*(?:ext\.?|x|#)\s*\d+)?$/i.test(s) && (s.match(/\d/g)?.length ?? 0) >= 5;
}

/** A place as one line: the text given, or a location's city, region and country code. */
export function placeText(loc: Resume["basics"]["location"] | string | undefined): string | undefined {
  if (loc === undefined) return undefined;
  if (typeof loc === "string") return loc.trim() || undefined;
  const parts = [loc.city, loc.region, loc.countryCode].filter((p): p is string => !!p && p.trim() !== "");
  return parts.length ? parts.join(", ") : undefined;
}

/** The same address, however written: no scheme, no `www.`, no final slash, host in lower case. */
const sameAddress = (url: string) => {
  const rest = url
    .trim()
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/\/+$/, "");
  const slash = rest.search(/[/?#]/);
  return slash < 0 ? rest.toLowerCase() : rest.slice(0, slash).toLowerCase() + rest.slice(slash);
};

/** A link given twice (`basics.url` and a profile, often LinkedIn) prints once, where it comes first. */
function onceEach(contacts: Link[]): Link[] {
  const seen = new Set<string>();
  return contacts.filter((c) => {
    const key = c.href && /^https?:/i.test(c.href) ? sameAddress(c.href) : c.href;
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Web addresses in the contact line print in one style: without `https://`, unless one of them
 * needs it to read as an address (a bare host such as `https://jane.dev`, which URL detectors
 * miss without it); then every one prints with it.
 */
function oneStyle(contacts: Link[]): Link[] {
  const web = (c: Link) =>
    c.href !== undefined &&
    /^https?:/i.test(c.href) &&
    /^(?:https?:\/\/)?[^\s]+$/i.test(c.text) &&
    c.text.replace(/^https?:\/\//i, "") === displayUrl(c.href).replace(/^https?:\/\//i, "");
  if (!contacts.some((c) => web(c) && /^https?:\/\//i.test(c.text))) return contacts;
  return contacts.map((c) =>
    web(c) && !/^https?:\/\//i.test(c.text)
      ? { ...c, text: `${/^http:/i.test(c.href!) ? "http" : "https"}://${c.text}` }
      : c,
  );
}

/** The contact line: place, email, phone, web address and profiles, each address once, in one style. */
export function contactLine(b: Resume["basics"]): Link[] {
  const contacts: Link[] = [];
  const place = placeText(b.location);
  if (place) contacts.push({ text: typeset(place), icon: "location" });
  if (b.email)
    contacts.push({
      text: b.email.trim(),
      ...(emailProblem(b.email) ? {} : { href: `mailto:${b.email.trim()}` }),
      icon: "email",
    });
  const phone = b.phone?.trim();
  // A number is a tel: link; anything else ("Upon request") is printed as it is.
  if (phone)
    contacts.push(
      isPhoneNumber(phone)
        ? {
            text: phone,
            href: `tel:${phone.replace(/(?:ext\.?|x|#).*$/i, "").replace(/[^\d+]/g, "")}`,
            icon: "phone",
          }
        : { text: typeset(phone), icon: "phone" },
    );
  if (b.url) contacts.push({ text: displayUrl(b.url), href: linkTarget(b.url), icon: websiteIcon(b.url) });
  for (const p of b.profiles ?? []) {
    const icon = networkIcon(p.network, p.url);
    // A link that is not a web address (skype:…) reads better as the network and user name.
    const handle = p.username?.trim() ? joinNonEmpty([t(p.network), p.username.trim()], ": ") : undefined;
    if (p.url && !/^https?:/i.test(p.url) && handle) contacts.push({ text: handle, href: linkTarget(p.url), icon });
    else if (p.url) contacts.push({ text: displayUrl(p.url), href: linkTarget(p.url), icon });
    else if (p.username?.trim()) contacts.push({ text: joinNonEmpty([t(p.network), p.username.trim()], ": ")!, icon });
  }
  return oneStyle(onceEach(contacts));
}
