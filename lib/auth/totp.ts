// TOTP (RFC 6238) and recovery codes: the second factor of SECURITY.md A4 (等保 8.1.4.1d).
// Secrets are sealed with AES-256-GCM and recovery codes are HMAC'd, both under keys derived from
// AUTH_SECRET: a copy of the database alone yields neither. (Rotating AUTH_SECRET therefore
// invalidates every enrolled factor: admins reset them and users enrol again.)
import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { authenticator } from "otplib";
import QRCode from "qrcode";
import { env } from "@/lib/env";

export const TOTP_STEP_SECONDS = 30;
/** Codes of the previous and the next step are accepted too (clock drift). */
const WINDOW = 1;
const ISSUER = "反诈指挥中心";

function derivedKey(purpose: "totp-secret" | "recovery-code"): Buffer {
  return Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, "fanzha-second-factor", purpose, 32));
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function sealSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", derivedKey("totp-secret"), iv);
  const ct = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ct].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/** The secret, or null when the value was not sealed by us (or under another AUTH_SECRET). */
export function openSecret(sealed: string): string | null {
  const [v, iv, tag, ct] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || !ct) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", derivedKey("totp-secret"), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

export const newTotpSecret = () => authenticator.generateSecret(20);

export const totpStepOf = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_STEP_SECONDS);

/** The time step a code belongs to (within the drift window), or null when it matches none. */
export function matchTotp(secret: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ window: WINDOW, epoch: now.getTime() }).checkDelta(code, secret);
  return delta === null ? null : totpStepOf(now) + delta;
}

/** The code an authenticator app shows at a moment (tests and the e2e suite use it). */
export const totpCodeAt = (secret: string, at: Date = new Date()) => authenticator.clone({ epoch: at.getTime() }).generate(secret);

/** The otpauth:// URI and its QR code as an SVG data URL, rendered here: no outside service sees the secret. */
export async function totpProvisioning(username: string, secret: string): Promise<{ uri: string; qr: string }> {
  const uri = authenticator.keyuri(username, ISSUER, secret);
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { uri, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

// No 0/o, 1/l/i: codes are read off paper.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** Ten single-use codes of ten characters (≈ 49 bits each). */
export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join(""));
}

export function hashRecoveryCode(code: string): string {
  return createHmac("sha256", derivedKey("recovery-code")).update(code.trim().toLowerCase()).digest("hex");
}
