import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentSession } from "@/lib/auth/guards";
import { isDemoMode } from "@/lib/env";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage() {
  // A signed-in user (or one owing a step) goes on: "/" sends each to where they belong.
  if (await currentSession()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-900 to-brand-700 px-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-8 shadow-xl">
        <div className="mb-6 text-center">
          <p className="text-sm text-slate-500">{t("app.org")}</p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("app.name")}</h1>
          <p className="mt-2 text-sm text-slate-500">{t("login.subtitle")}</p>
        </div>
        <LoginForm />
        {isDemoMode() ? <p className="mt-6 rounded-md bg-amber-50 p-3 text-xs text-amber-800">{t("login.demoHint")}</p> : null}
      </div>
      <div className="mt-4 text-white [&_button]:text-white [&_button:hover]:bg-white/10">
        <LocaleSwitch />
      </div>
    </main>
  );
}
