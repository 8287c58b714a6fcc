"use client";
import { messages } from "@/lib/i18n/catalog/zh-CN";
import { catalogIntlProvider } from "./catalog-intl-provider";

export const ZhCnIntlProvider = catalogIntlProvider("zh-CN", messages);
