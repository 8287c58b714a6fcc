"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { LOGIN_ERRORS, type LoginError } from "@/lib/auth/login-schema";

/**
 * Username and password; when the server answers OTP_REQUIRED (an enrolled second factor) the
 * one-time code field appears and the same credentials are sent again with the code.
 */
export function LoginForm() {
  const t = useTranslations("login");
  const [error, setError] = useState<LoginError | "default" | null>(null);
  const [pending, setPending] = useState(false);
  const [askOtp, setAskOtp] = useState(false);
  const router = useRouter();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const otp = String(form.get("otp") ?? "").replace(/[\s-]/g, "");
    const result = await signIn("credentials", {
      redirect: false,
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
      ...(askOtp && otp ? { otp } : {}),
    }).catch(() => undefined);
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    const code = result?.error ?? "default";
    const known = (LOGIN_ERRORS as readonly string[]).includes(code) ? (code as LoginError) : "default";
    if (known === "OTP_REQUIRED" || known === "OTP_INVALID") setAskOtp(true);
    // The first OTP_REQUIRED is the normal second step, not an error worth red.
    setError(known === "OTP_REQUIRED" && !askOtp ? null : known);
  }

  const hidden = askOtp ? "sr-only" : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className={hidden}>
        <Field id="username" label={t("username")}>
          <Input id="username" name="username" autoComplete="username" autoFocus={!askOtp} required maxLength={32} invalid={!!error && !askOtp} readOnly={askOtp} />
        </Field>
      </div>
      <div className={hidden}>
        <Field id="password" label={t("password")}>
          <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={128} invalid={!!error && !askOtp} readOnly={askOtp} />
        </Field>
      </div>
      {askOtp ? (
        <Field id="otp" label={t("otp")} hint={t("otpHint")}>
          <Input
            id="otp" name="otp" autoComplete="one-time-code" inputMode="text" autoFocus required maxLength={11}
            className="font-mono text-lg tracking-widest" invalid={error === "OTP_INVALID"} data-testid="otp-input"
          />
        </Field>
      ) : null}
      {error ? (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
          {t(`errors.${error}`)}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
      {askOtp ? (
        <Button type="button" variant="ghost" className="w-full" onClick={() => { setAskOtp(false); setError(null); }}>
          {t("otpBack")}
        </Button>
      ) : null}
    </form>
  );
}
