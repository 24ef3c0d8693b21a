/**
 * The address a request came from. X-Forwarded-For is believed only as far as TRUST_PROXY says:
 * without it anyone could pick their own address, and with every address sharing the load
 * balancer's, one customer's flood would lock out all others.
 */

/** Which proxies in front of us append to X-Forwarded-For: a hop count or their addresses. */
export type TrustProxy =
  { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: ReadonlySet<string> };

/** Parses TRUST_PROXY: empty/"false" -> none, a whole number -> hops, else a comma list of addresses. */
export function parseTrustProxy(raw: string): TrustProxy | string {
  const value = raw.trim();
  if (value === '' || value === 'false' || value === '0') return { kind: 'none' };
  if (/^\d{1,2}$/.test(value)) return { kind: 'hops', hops: Number(value) };
  const addresses = value
    .split(/[\s,]+/)
    .filter((a) => a !== '')
    .map(normalise);
  if (addresses.some((a) => !/^[0-9a-f.:]+$/i.test(a)))
    return 'TRUST_PROXY must be a hop count or a comma-separated list of proxy IP addresses';
  return { kind: 'addresses', addresses: new Set(addresses) };
}

/** "::ffff:10.0.0.1" and "10.0.0.1" are the same peer. */
function normalise(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const peer = normalise(socketAddress ?? 'unknown');
  if (trust.kind === 'none') return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  // Nearest hop last: the left part of the header is whatever the client wrote itself.
  const chain = [
    ...header
      .split(',')
      .map(normalise)
      .filter((a) => a !== ''),
    peer,
  ];
  if (trust.kind === 'hops') return chain[Math.max(0, chain.length - 1 - trust.hops)];
  for (let i = chain.length - 1; i > 0; i--) if (!trust.addresses.has(chain[i])) return chain[i];
  return chain[0];
}
