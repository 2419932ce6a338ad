/// <reference path="./types/digitalbazaar.d.ts" />

export { layoutWords, shieldHalfWidth, usableWidth } from "./badge-layout";
export * from "./bake/png";
export * from "./bake/svg";
export * from "./cli-commands";
export * from "./contexts";
export * from "./endorsement";
export * from "./fetch";
export * from "./keys";
export * from "./limits";
export * from "./ob3";
export * from "./render";
export * from "./sign";
export * from "./status-list";
export * from "./verify";
export { multikeyJwk, type PublicJwk, publicJwk } from "./verify/jwt-keys";
export * from "./workers/pool";
