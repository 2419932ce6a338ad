import { useTranslation } from "react-i18next";

const names: Record<string, string> = {
  "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly": "credentialRead",
  "https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert": "credentialUpsert",
  "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly": "profileRead",
  "https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update": "profileUpdate",
  offline_access: "offline",
};

/** What each right lets the application do, in words. */
export function ScopeList({ scopes }: { scopes: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {scopes.map((scope) => (
        <li key={scope}>
          {names[scope] ? t(`oauth.scopes.${names[scope]}` as "oauth.scopes.offline") : scope}
        </li>
      ))}
    </ul>
  );
}
