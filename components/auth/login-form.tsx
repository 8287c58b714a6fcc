"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { LOGIN_ERRORS, type LoginError } from "@/lib/auth/login-schema";

export function LoginForm() {
  const t = useTranslations("login");
  const [error, setError] = useState<LoginError | "default" | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      username: String(form.get("username") ?? ""),
      password: String(form.get("password") ?? ""),
    }).catch(() => undefined);
    setPending(false);
    if (result?.ok && !result.error) {
      router.replace("/");
      router.refresh();
      return;
    }
    const code = result?.error ?? "default";
    setError((LOGIN_ERRORS as readonly string[]).includes(code) ? (code as LoginError) : "default");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="username" label={t("username")}>
        <Input id="username" name="username" autoComplete="username" autoFocus required maxLength={32} invalid={!!error} />
      </Field>
      <Field id="password" label={t("password")}>
        <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={128} invalid={!!error} />
      </Field>
      {error ? (
        <p role="alert" data-testid="login-error" className="rounded-md bg-red-50 p-3 text-sm text-red-700">
          {t(`errors.${error}`)}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
