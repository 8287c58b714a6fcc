import "server-only";
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, TIME_ZONE, toLocale } from "@/lib/i18n/locales";
import { messagesOf } from "@/lib/i18n/messages";

// zh-CN unless the user switched to English (a cookie, not the URL: URLs stay the same per role).
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: messagesOf(locale), timeZone: TIME_ZONE, now: new Date() };
});
