/**
 * A profile link only ever points at LinkedIn over https. Anything else from the network
 * (javascript:, data:, http:, look-alike hosts) is shown as text, never as a link.
 */
export function safeLinkedInUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const host = url.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  return url.href;
}
