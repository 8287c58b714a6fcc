import "server-only";
import type { BlockList } from "node:net";
import { wallAllowedAddresses } from "@/lib/env";
import { inRanges, normalizeIp, parseAddressRanges } from "@/lib/auth/client-ip";
import type { Role } from "@/lib/generated/prisma/enums";

// A big-screen account (role WALL) signs in without a second factor, so it is held to the kiosks'
// addresses instead: WALL_ALLOWED_ADDRESSES (IPs or CIDR ranges), by default the loopback only.
// The address is the client IP of lib/auth/client-ip.ts (the socket's peer, or what
// TRUSTED_PROXIES vouch for), never what a caller writes.

export const DEFAULT_WALL_ADDRESSES = "127.0.0.1/8, ::1";

let parsed: { spec: string; list: BlockList | null } | undefined;
/** The parsed WALL_ALLOWED_ADDRESSES; throws on a bad entry (checked at start, instrumentation.ts). */
export function wallAllowedList(): BlockList | null {
  const spec = wallAllowedAddresses()?.trim() || DEFAULT_WALL_ADDRESSES;
  if (!parsed || parsed.spec !== spec) parsed = { spec, list: parseAddressRanges(spec, "WALL_ALLOWED_ADDRESSES") };
  return parsed.list;
}

/** Whether a WALL account may be used from this address; an unknown address never may. */
export function wallAddressAllowed(ip: string | null): boolean {
  const addr = normalizeIp(ip);
  return !!addr && inRanges(wallAllowedList(), addr);
}

/** Whether the role is bound to the wall's addresses. */
export const isWallRole = (role: Role | null | undefined) => role === "WALL";
