import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { repoRoot } from "./paths";

const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const base64Key = z
  .string()
  .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes encoded in base64");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    BLASON_MODE: z.enum(["demo", "production"]).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    DATA_DIR: z.string().min(1).default(path.join(repoRoot, "data")),
    MASTER_KEY: base64Key.optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Blason <no-reply@blason.localhost>"),
    DEMO_SEED: booleanString.optional(),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
    JOBS_ENABLED: booleanString.default(true),
    REMINDER_MONTHS: z
      .string()
      .regex(/^\d{1,2}(,\d{1,2})*$/, "must be a comma-separated list of months, e.g. 6,3,1")
      .default("6,3,1"),
    JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    CRYPTO_THREADS: z.coerce.number().int().min(1).max(64).optional(),
    TRUST_PROXY: booleanString.default(false),
    SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    FETCH_ALLOW_PRIVATE_HOSTS: z
      .string()
      .regex(/^[a-z0-9.,:[\]-]*$/i, "must be a comma-separated list of host names")
      .optional(),
  })
  .superRefine((env, ctx) => {
    const mode = env.BLASON_MODE ?? (env.NODE_ENV === "production" ? "production" : "demo");
    if (mode !== "production") return;
    if (!env.MASTER_KEY)
      ctx.addIssue({
        code: "custom",
        path: ["MASTER_KEY"],
        message: "is required in production (32 random bytes in base64: openssl rand -base64 32)",
      });
    if (!env.SMTP_URL)
      ctx.addIssue({
        code: "custom",
        path: ["SMTP_URL"],
        message: "is required in production (the development mailbox would expose sign-in links)",
      });
    if (!env.PUBLIC_URL?.startsWith("https://"))
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message: "is required in production and must be an https:// URL",
      });
    if (env.DEMO_SEED)
      ctx.addIssue({
        code: "custom",
        path: ["DEMO_SEED"],
        message:
          "must not be true in production (the demo accounts have a published password); remove it",
      });
    if (env.FETCH_ALLOW_PRIVATE_HOSTS)
      ctx.addIssue({
        code: "custom",
        path: ["FETCH_ALLOW_PRIVATE_HOSTS"],
        message: "is for tests and local development only; remove it in production",
      });
  });

export type Config = {
  mode: "demo" | "production";
  env: "development" | "production" | "test";
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  masterKey: Buffer;
  /** True when the master key was generated for demo use rather than configured. */
  masterKeyGenerated: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  demoSeed: boolean;
  logLevel: string;
  jobsPollMs: number;
  jobsEnabled: boolean;
  /** How long a job may run before another worker takes it back (its worker is presumed dead). */
  jobsLeaseMs: number;
  /** How many jobs one instance's worker runs at once. */
  jobsConcurrency: number;
  /** Months before a badge's end of validity when its holder is reminded. */
  reminderMonths: number[];
  /** Worker threads for JSON-LD, signing and verification; unset: one per core but one. */
  cryptoThreads: number | undefined;
  trustProxy: boolean;
  sessionDays: number;
  secureCookies: boolean;
  /** Hosts the fetcher may reach on private addresses (tests and local development only). */
  fetchAllowPrivateHosts: string[];
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/**
 * The folder the user ran a command from: npm runs a workspace's script in
 * the workspace's own folder (server/) and names the caller's in INIT_CWD.
 */
export function invocationDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD && path.isAbsolute(env.INIT_CWD) ? env.INIT_CWD : process.cwd();
}

/**
 * Reads and validates the environment once. A wrong value stops the process
 * at boot with a message naming the variable; nothing else reads process.env.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "environment"} ${issue.message}`,
      ),
    );
  }
  const e = parsed.data;
  const mode = e.BLASON_MODE ?? (e.NODE_ENV === "production" ? "production" : "demo");
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  const dataDir = path.resolve(e.DATA_DIR);
  let masterKey: Buffer;
  let masterKeyGenerated = false;
  if (e.MASTER_KEY) {
    masterKey = Buffer.from(e.MASTER_KEY, "base64");
  } else {
    masterKey = demoSecret(dataDir, "master-key");
    masterKeyGenerated = true;
  }
  return {
    mode,
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    masterKey,
    masterKeyGenerated,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    demoSeed: e.DEMO_SEED ?? mode === "demo",
    logLevel: e.LOG_LEVEL,
    jobsPollMs: e.JOBS_POLL_MS,
    jobsEnabled: e.JOBS_ENABLED,
    jobsLeaseMs: e.JOBS_LEASE_SECONDS * 1000,
    jobsConcurrency: e.JOBS_CONCURRENCY,
    reminderMonths: e.REMINDER_MONTHS.split(",").map(Number),
    cryptoThreads: e.CRYPTO_THREADS,
    trustProxy: e.TRUST_PROXY,
    sessionDays: e.SESSION_DAYS,
    fetchAllowPrivateHosts: (e.FETCH_ALLOW_PRIVATE_HOSTS ?? "")
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
    secureCookies: publicUrl.startsWith("https://"),
  };
}

/**
 * Demo mode only: a secret generated once and kept in the data directory so
 * that a restart can still decrypt what it encrypted. Production must set it.
 */
function demoSecret(dataDir: string, name: string): Buffer {
  const file = path.join(dataDir, "demo-secrets", `${name}.b64`);
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  const secret = randomBytes(32);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, secret.toString("base64"), { mode: 0o600 });
  return secret;
}
