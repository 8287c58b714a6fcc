"use client";
import { messages } from "@/lib/i18n/catalog/en";
import { catalogIntlProvider } from "./catalog-intl-provider";

export const EnIntlProvider = catalogIntlProvider("en", messages);
