import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-[60vh] flex-col items-center justify-center gap-3 p-8 text-center">
      <p className="text-5xl font-bold text-slate-300">404</p>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-500">{t("body")}</p>
      <Link href="/" className="mt-2 rounded-md bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">
        {t("home")}
      </Link>
    </main>
  );
}
