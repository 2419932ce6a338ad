export * from "./contexts";
export * from "./keys";
export * from "./sign";
