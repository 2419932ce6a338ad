import { buildApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { DatabaseLockedError } from "./db/client";
import { AuditChainError } from "./modules/audit/audit.repo";
import { DEMO_PASSWORD, demoUsers, seedDemo } from "./modules/demo/seed";
import { openPlatform } from "./platform";

async function main() {
  const config = loadConfig();
  const platform = await openPlatform(config);
  const { ctx } = platform;
  const seeded = config.demoSeed ? await seedDemo(ctx) : false;
  const app = await buildApp(ctx);
  if (config.jobsEnabled) platform.worker.start();

  const shutdown = async (signal: string) => {
    app.log.info(`${signal} received, stopping`);
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: config.port, host: config.host });
  const lines = [
    "",
    `Blason écoute sur ${config.publicUrl}  (base : ${ctx.database.driver === "pglite" ? `PGlite, ${config.dataDir}` : "PostgreSQL"})`,
  ];
  if (config.mode === "demo") {
    if (config.masterKeyGenerated)
      lines.push(
        `Mode démonstration : clé maîtresse générée et gardée dans ${config.dataDir}/demo-secrets (à définir via MASTER_KEY en production).`,
      );
    if (ctx.mailer.kind === "dev-mailbox")
      lines.push(`E-mails : boîte de développement sur ${config.publicUrl}/dev/boite-mail`);
    lines.push(
      `Comptes de démonstration${seeded ? " (créés à l'instant)" : ""}, mot de passe « ${DEMO_PASSWORD} » :`,
    );
    for (const u of demoUsers) lines.push(`  ${u.email.padEnd(42)} ${u.label}`);
  }
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof DatabaseLockedError ||
    error instanceof AuditChainError
  ) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
