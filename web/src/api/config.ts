/** What the platform tells every visitor: its name, demo mode, its health. */
import { type ResponseOf, request } from "./http";

export type PublicConfig = ResponseOf<"/api/config">;
export type Health = ResponseOf<"/api/health">;

export const configKeys = {
  config: () => ["config"] as const,
  health: () => ["health"] as const,
};

export const fetchConfig = () => request("get", "/api/config");
export const fetchHealth = () => request("get", "/api/health");
