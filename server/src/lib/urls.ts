import type { Config } from "../config";

/** An awarded badge's public address: its page, and the id of its signed credential. */
export const credentialUrl = (config: Config, id: string) =>
  `${config.publicUrl}/credentials/${id}`;
