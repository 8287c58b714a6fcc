import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions/locale";

export async function LocaleSwitch() {
  const [locale, t] = [await getLocale(), await getTranslations("shell")];
  return (
    <form action={setLocale}>
      <input type="hidden" name="locale" value={locale === "en" ? "zh-CN" : "en"} />
      <button type="submit" aria-label={t("languageLabel")} className="min-h-11 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100">
        {t("language")}
      </button>
    </form>
  );
}
