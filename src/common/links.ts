/**
 * Which addresses may become links, in the PDF, the Word file, Markdown and every other output:
 * http, https, mailto and tel only (a deny-list always misses one: `ms-msdt:`, `smb://`,
 * `ms-word:ofe|u|…` open programs or shares on the reader's machine). An http(s) address with a
 * user name before its host (`https://www.linkedin.com@evil.example/…`) is no link either: it
 * reads as one site and goes to another. Such an address still prints, as written, as text.
 */
export const LINK_SCHEMES = ["http", "https", "mailto", "tel"] as const;

/** Why `url` may not be a link target, in words, or undefined when it may. */
export function linkRefusal(url: string): string | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || !(LINK_SCHEMES as readonly string[]).includes(scheme)) {
    return `${scheme === undefined ? "an address without a scheme" : `${scheme}:`} links are not allowed in a résumé (only http, https, mailto and tel)`;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007F-\u009F]/.test(url))
    return "has a space or a control character in it, so it is not a valid URL";
  if (scheme === "http" || scheme === "https") {
    // The authority as a browser reads it (a backslash counts as a slash), and as URL parsers do.
    const authority = /^[a-z]+:[/\\]*([^/\\?#]*)/i.exec(url)?.[1] ?? "";
    let named = authority.includes("@");
    try {
      const u = new URL(url);
      named ||= u.username !== "" || u.password !== "";
    } catch {
      // Not a URL at all: the schema says so.
    }
    if (named) return "has a user name before its host (name@host), which hides the site it goes to; it is not linked";
  }
  if (url.length <= scheme.length + 1) return "is not a valid URL";
  return undefined;
}
