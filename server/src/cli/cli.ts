import { randomBytes } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { privateHostName, runSampleCommand, runVerifyCommand } from "@blason/openbadges";
import { ConfigError, loadConfig } from "../config";
import { DatabaseLockedError } from "../db/client";
import { auditKeysFrom } from "../modules/audit/audit.keys";
import {
  AuditChainError,
  appendAudit,
  describeChainBreak,
  sealAuditChain,
  verifyAuditChain,
} from "../modules/audit/audit.repo";
import { findUserByEmail, insertUser, updateUser } from "../modules/auth/auth.repo";
import { passwordProblem } from "../modules/auth/password-rules";
import { hashPassword } from "../modules/auth/passwords";
import { seedDemo } from "../modules/demo/seed";
import { openPlatform, type Platform } from "../platform";

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the user ran the command: relative paths are theirs (default: this process's folder). */
  cwd?: string;
};
/** Opens the platform; `inspectAudit` for the commands that look at an audit log in doubt. */
type Opener = (options?: { inspectAudit?: boolean }) => Promise<Platform>;
type Command = {
  summary: string;
  /** Its arguments, for the usage line a usage error prints. */
  usage?: string;
  run(args: string[], io: CliIo, open: Opener): Promise<number>;
};

/** A relative path as the user meant it: from the folder they ran the command in. */
const fromCaller = (io: CliIo, file: string) => path.resolve(io.cwd ?? process.cwd(), file);

const usage = (commands: Record<string, Command>) =>
  [
    "Usage: npm run blason -- <command> [options]",
    "",
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(22)} ${c.summary}`),
  ].join("\n");

const commands: Record<string, Command> = {
  migrate: {
    summary: "apply the database migrations",
    async run(_args, io, open) {
      const platform = await open();
      await platform.close();
      io.out("Migrations appliquées. / Migrations applied.");
      return 0;
    },
  },
  "create-admin": {
    summary: "create a platform administrator (--email, --name, [--password])",
    usage: "--email EMAIL [--name NAME] [--password PASSWORD]",
    async run(args, io, open) {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: "string" },
          name: { type: "string" },
          password: { type: "string" },
        },
      });
      if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email)) {
        io.err(
          "--email est obligatoire et doit être une adresse valide. / --email is required and must be valid.",
        );
        return 2;
      }
      const problem =
        values.password === undefined
          ? null
          : passwordProblem(values.password, [values.email, values.name]);
      if (problem) {
        io.err(
          problem === "too_short"
            ? "Le mot de passe doit contenir au moins 12 caractères. / The password must be at least 12 characters long."
            : "Ce mot de passe est trop facile à deviner (courant, divulgué ou tiré de votre nom) : choisissez une phrase de plusieurs mots. / This password is too easy to guess: choose a phrase of several words.",
        );
        return 2;
      }
      const password = values.password ?? randomBytes(12).toString("base64url");
      const platform = await open();
      try {
        const { db } = platform.ctx;
        const passwordHash = await hashPassword(password);
        await db.transaction(async (tx) => {
          const existing = await findUserByEmail(tx, values.email!);
          const user = existing
            ? await updateUser(tx, existing.id, {
                platformRoles: [...new Set([...existing.platformRoles, "platform_admin"])],
                passwordHash,
              })
            : await insertUser(tx, {
                email: values.email!,
                name: values.name ?? values.email!.split("@")[0]!,
                passwordHash,
                platformRoles: ["platform_admin"],
                emailVerifiedAt: new Date(),
              });
          await appendAudit(tx, {
            actor: { kind: "system", label: "cli" },
            action: "user.roles_changed",
            targetType: "user",
            targetId: user!.id,
            data: { to: user!.platformRoles, via: "create-admin" },
          });
        });
        io.out(`Administrateur prêt : ${values.email}`);
        if (!values.password)
          io.out(`Mot de passe généré (à changer après connexion) : ${password}`);
        return 0;
      } finally {
        await platform.close();
      }
    },
  },
  "audit verify": {
    summary: "check the audit log: its keyed hash chain and its signed checkpoint",
    async run(_args, io, open) {
      const platform = await open({ inspectAudit: true });
      try {
        const result = await verifyAuditChain(
          platform.ctx.db,
          auditKeysFrom(platform.ctx.config.masterKey),
        );
        if (result.ok) {
          const legacy = result.legacy
            ? `, dont ${result.legacy} antérieures à la clé (SHA-256 seul)`
            : "";
          io.out(
            `Journal d'audit intègre : ${result.checked} entrées vérifiées${legacy} (tête ${result.head.slice(0, 16)}…).`,
          );
          io.out(
            `Audit log intact: ${result.checked} entries checked (${result.legacy} before the key).`,
          );
          return 0;
        }
        const reason = describeChainBreak(result.reason);
        const at = result.brokenAt === null ? "" : ` à l'entrée ${result.brokenAt}`;
        const atEn = result.brokenAt === null ? "" : ` at entry ${result.brokenAt}`;
        io.err(`Journal d'audit ALTÉRÉ${at} : ${reason.fr}.`);
        io.err(`Audit log TAMPERED${atEn}: ${reason.en}.`);
        if (result.reason.kind === "checkpoint_missing")
          io.err(
            "Après une mise à jour depuis un journal sans clé : `npm run blason -- audit seal`. / After upgrading from an unkeyed log: `npm run blason -- audit seal`.",
          );
        return 1;
      } finally {
        await platform.close();
      }
    },
  },
  "audit seal": {
    summary: "once, after upgrading: check an unkeyed audit log and sign its checkpoint",
    async run(_args, io, open) {
      const platform = await open({ inspectAudit: true });
      try {
        const result = await sealAuditChain(
          platform.ctx.db,
          auditKeysFrom(platform.ctx.config.masterKey),
        );
        if (result.ok) {
          io.out(
            `Journal d'audit scellé : ${result.legacy} entrées vérifiées ; les suivantes sont chaînées sous la clé. / Audit log sealed: ${result.legacy} entries checked; later ones are keyed.`,
          );
          return 0;
        }
        if (result.reason === "already_sealed") {
          io.err(
            "Le journal d'audit a déjà un point de contrôle : rien à faire (`audit verify` le contrôle). / The audit log already has a checkpoint: nothing to do.",
          );
          return 2;
        }
        const reason = describeChainBreak(result.break);
        io.err(
          `Journal d'audit ALTÉRÉ à l'entrée ${result.brokenAt} : ${reason.fr} ; rien n'a été scellé.`,
        );
        io.err(`Audit log TAMPERED at entry ${result.brokenAt}: ${reason.en}; nothing sealed.`);
        return 1;
      } finally {
        await platform.close();
      }
    },
  },
  "credentials sample": {
    summary:
      "credentials sample --out DIR: a signed sample credential (JSON, PNG, SVG) and its issuer's did.json",
    usage: "--out DIR",
    async run(args, io) {
      const { values } = parseArgs({ args, options: { out: { type: "string" } } });
      if (!values.out) {
        io.err(usageOf("credentials sample"));
        return 2;
      }
      const result = await runSampleCommand({ outDir: fromCaller(io, values.out) });
      io.out(`Émetteur / issuer: ${result.issuer}`);
      for (const file of result.files) io.out(`  ${file}`);
      return 0;
    },
  },
  verify: {
    summary:
      "verify <file-or-url> [--json] [--allow-private-host HOST]: verify any Open Badge (2.0 or 3.0) and print the report",
    usage: "<file-or-url> [--json] [--allow-private-host HOST]...",
    async run(args, io) {
      const { values, positionals } = parseArgs({
        args,
        options: {
          json: { type: "boolean" },
          "allow-private-host": { type: "string", multiple: true },
        },
        allowPositionals: true,
      });
      const target = positionals[0];
      if (!target || positionals.length > 1) {
        io.err(usageOf("verify"));
        return 2;
      }
      const hosts = values["allow-private-host"] ?? [];
      const allowPrivateHosts: string[] = [];
      for (const host of hosts) {
        const name = privateHostName(host);
        if (!name) {
          io.err(
            `--allow-private-host attend un nom d'hôte ou une adresse, sans schéma ni chemin : ${host} / expects a host name or address, without scheme or path: ${host}`,
          );
          return 2;
        }
        allowPrivateHosts.push(name);
      }
      if (allowPrivateHosts.length > 0)
        io.err(
          `Adresses privées permises pour ${allowPrivateHosts.join(", ")} (tests locaux seulement). / Private addresses allowed for ${allowPrivateHosts.join(", ")} (local testing only).`,
        );
      const result = await runVerifyCommand({
        target: /^https?:\/\//i.test(target) ? target : fromCaller(io, target),
        json: values.json ?? false,
        allowPrivateHosts,
      });
      // The report is the command's output, verified or not; stderr is for what stopped it.
      (result.report ? io.out : io.err)(result.output);
      return result.exitCode;
    },
  },
  "demo seed": {
    summary: "fill an empty database with the demo organisations and accounts",
    async run(_args, io, open) {
      const platform = await open();
      try {
        if (platform.ctx.config.mode === "production") {
          io.err(
            "Refusé en production : les comptes de démonstration ont un mot de passe publié. / Refused in production: the demo accounts have a published password.",
          );
          return 2;
        }
        io.out(
          (await seedDemo(platform.ctx))
            ? "Données de démonstration créées."
            : "La base contient déjà des comptes : rien à faire.",
        );
        return 0;
      } finally {
        await platform.close();
      }
    },
  },
};

function usageOf(name: string): string {
  const usage = commands[name]?.usage;
  return `Usage: npm run blason -- ${name}${usage ? ` ${usage}` : ""}`;
}

/** node:util parseArgs refuses an unknown option or a missing value with these codes. */
const isArgumentError = (error: unknown) =>
  /^ERR_PARSE_ARGS_/.test((error as { code?: unknown } | null)?.code?.toString() ?? "");

/** `open` replaces how the command reaches the platform (tests pass their own). */
export async function runCli(argv: string[], io: CliIo, open?: Opener): Promise<number> {
  const [first, second, ...rest] = argv;
  const name = first && `${first} ${second}` in commands ? `${first} ${second}` : first;
  const command = name ? commands[name] : undefined;
  if (!name || !command) {
    (name ? io.err : io.out)(usage(commands));
    return name && name !== "help" && name !== "--help" ? 2 : 0;
  }
  const args =
    name === first ? [second, ...rest].filter((a): a is string => a !== undefined) : rest;
  try {
    const opener: Opener = open ?? ((options) => openPlatform(loadConfig(), options));
    return await command.run(args, io, opener);
  } catch (error) {
    if (isArgumentError(error)) {
      io.err(`${(error as Error).message}\n${usageOf(name)}`);
      return 2;
    }
    if (
      error instanceof ConfigError ||
      error instanceof DatabaseLockedError ||
      error instanceof AuditChainError
    ) {
      io.err(error.message);
      return 2;
    }
    throw error;
  }
}
