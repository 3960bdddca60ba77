// Whether an IP address is on the public internet: webhooks must not reach into our own network
// (loopback, private, link-local, unique-local, CGNAT, multicast, reserved), whichever way the
// address is written (IPv4-mapped and IPv4-embedding IPv6 forms included).
import { isIPv4, isIPv6 } from 'node:net';

const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

const v4ToNumber = (address: string) => address.split('.').reduce((n, part) => n * 256 + Number(part), 0);

function v4Public(address: string): boolean {
  const n = v4ToNumber(address);
  return !V4_BLOCKED.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4ToNumber(base) / 2 ** (32 - bits)));
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad allowed). */
function v6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const n = v4ToNumber(quad[1]!);
    text = `${text.slice(0, -quad[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string | undefined) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const front = parse(head);
  const back = parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - front.length - back.length).fill(0);
  return [...front, ...fill, ...back];
}

const embeddedV4 = (high: number, low: number) => `${high >>> 8}.${high & 0xff}.${low >>> 8}.${low & 0xff}`;

function v6Public(address: string): boolean {
  const g = v6Groups(address);
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 6)) return false; // ::/96: unspecified, loopback, the deprecated IPv4-compatible form
  if (zeros(0, 5) && g[5] === 0xffff) return v4Public(embeddedV4(g[6]!, g[7]!)); // IPv4-mapped
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4Public(embeddedV4(g[6]!, g[7]!)); // NAT64
  if (g[0] === 0x2002) return v4Public(embeddedV4(g[1]!, g[2]!)); // 6to4
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return false; // fc00::/7 unique-local
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0) return false; // link-local, site-local
  if ((first & 0xff00) === 0xff00) return false; // multicast
  if (first === 0x2001 && (g[1] === 0 || g[1] === 0xdb8)) return false; // Teredo, documentation
  if (first === 0x100 && zeros(1, 4)) return false; // discard-only
  return true;
}

/** True only for a well-formed address that is routable on the public internet. */
export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) return v4Public(address);
  if (isIPv6(address)) return v6Public(address);
  return false;
}
