export * from "./id-number";
export * from "./phone";
export * from "./bank-card";
export * from "./mask";
