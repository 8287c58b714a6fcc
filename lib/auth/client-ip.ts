import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";

// Which address a request came from (SECURITY.md G28). The right-most hop of X-Forwarded-For is
// the socket's peer, appended by this process itself (lib/http/socket-peer.ts); every hop left of
// it was written by whoever sent the request. A hop is believed only when the hop to its right is
// a configured trusted proxy (TRUSTED_PROXIES) — so without that setting the client IP is the
// socket's peer, whatever the caller wrote.

/** A plain IP address (an IPv4-mapped IPv6 address as IPv4), or null for anything else. */
export function normalizeIp(raw: string | undefined | null): string | null {
  let ip = raw?.trim() ?? "";
  if (ip.length > 45) return null;
  if (/^::ffff:/i.test(ip) && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) ? ip.toLowerCase() : null;
}

/** The ranges of TRUSTED_PROXIES ("10.0.0.0/8, 192.168.1.7, fd00::/8"); throws on a bad entry. */
export const parseTrustedProxies = (spec: string | undefined): BlockList | null => parseAddressRanges(spec, "TRUSTED_PROXIES");

/** A setting's list of IPs and CIDR ranges, or null when empty; throws naming the setting on a bad entry. */
export function parseAddressRanges(spec: string | undefined, setting: string): BlockList | null {
  const entries = (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (!entries.length) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, bits, ...rest] = entry.split("/");
    const ip = normalizeIp(addr);
    const family = ip ? isIP(ip) : 0;
    const max = family === 4 ? 32 : 128;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
    if (!ip || rest.length || !(prefix >= 0 && prefix <= max)) throw new Error(`${setting}: "${entry}" is not an IP address or CIDR range`);
    list.addSubnet(ip, prefix, family === 4 ? "ipv4" : "ipv6");
  }
  return list;
}

/** Whether an address lies in one of the list's ranges. */
export const inRanges = (list: BlockList | null, ip: string) => !!list && list.check(ip, isIP(ip) === 4 ? "ipv4" : "ipv6");
const trusts = inRanges;

/**
 * The client's address from a forwarded chain whose last hop is the socket's peer: walking from
 * the right, each hop is passed over while it is a trusted proxy; the first one that is not is the
 * client. A hop a trusted proxy vouches for that is not an IP ends the walk at that proxy.
 */
export function clientIpFromChain(chain: string, trusted: BlockList | null): string | null {
  const hops = chain.split(",");
  let client = normalizeIp(hops.at(-1));
  for (let i = hops.length - 2; client && i >= 0 && trusts(trusted, client); i--) {
    const next = normalizeIp(hops[i]);
    if (!next) break;
    client = next;
  }
  return client;
}

let trusted: { spec: string | undefined; list: BlockList | null } | undefined;
/** The parsed TRUSTED_PROXIES, or null when none is configured. */
export function trustedProxies(): BlockList | null {
  const spec = env().TRUSTED_PROXIES;
  if (!trusted || trusted.spec !== spec) trusted = { spec, list: parseTrustedProxies(spec) };
  return trusted.list;
}
