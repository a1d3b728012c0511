/**
 * Which network a profile is on, for the icon drawn before it: from its `network` (in any case,
 * with or without spaces and dots), or from its URL's host when it names none that has an icon.
 */
import type { ContactIcon } from "./view-model.js";

/** The networks with an icon of their own, by the names people write (lower case, letters and digits only). */
const BY_NAME: Record<string, ContactIcon> = {
  github: "github",
  linkedin: "linkedin",
  gitlab: "gitlab",
  x: "x",
  twitter: "x",
  xtwitter: "x",
  twitterx: "x",
  mastodon: "mastodon",
  fediverse: "mastodon",
  orcid: "orcid",
  googlescholar: "scholar",
  scholar: "scholar",
  stackoverflow: "stackoverflow",
  stackexchange: "stackoverflow",
};

/** The same networks by the hosts of their addresses (a host or any subdomain of it). */
const BY_HOST: [string, ContactIcon][] = [
  ["github.com", "github"],
  ["linkedin.com", "linkedin"],
  ["gitlab.com", "gitlab"],
  ["x.com", "x"],
  ["twitter.com", "x"],
  ["mastodon.social", "mastodon"],
  ["mastodon.online", "mastodon"],
  ["fosstodon.org", "mastodon"],
  ["hachyderm.io", "mastodon"],
  ["orcid.org", "orcid"],
  ["scholar.google.com", "scholar"],
  ["stackoverflow.com", "stackoverflow"],
];

/** A URL's host in lower case, or undefined when it has none. */
function hostOf(url: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#@\s]+@)?([^/?#:\s]+)/i.exec(url.trim());
  return m?.[2]?.toLowerCase();
}

/** The network a URL's host belongs to, if it is one with an icon of its own. */
function hostIcon(url: string | undefined): ContactIcon | undefined {
  const host = url ? hostOf(url) : undefined;
  if (!host) return undefined;
  for (const [h, icon] of BY_HOST) if (host === h || host.endsWith(`.${h}`)) return icon;
  // Any other instance of the federated network (mastodon.example, social.example/@jane).
  if (/(^|\.)mastodon\./.test(host) || /^https?:\/\/[^/]+\/@[^/]+\/?$/i.test(url!.trim())) return "mastodon";
  return undefined;
}

/**
 * The icon of a profile on `network` at `url`: its network's (by name, else by the URL's host),
 * or the generic link's.
 */
export function networkIcon(network: string | undefined, url: string | undefined): ContactIcon {
  const name = (network ?? "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  return BY_NAME[name] ?? hostIcon(url) ?? "link";
}

/** The icon of the résumé's own web address: a network's when it is a profile there, else the website's. */
export const websiteIcon = (url: string): ContactIcon => hostIcon(url) ?? "website";
