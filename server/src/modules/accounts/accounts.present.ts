import type { Queryable } from "../../db/client";
import type { MemberRole, organisations } from "../../db/schema";
import type { UserRow } from "../auth/auth.repo";
import { listUserOrganisations } from "./accounts.repo";
import type { OrganisationSummaryDto, UserDto } from "./accounts.schema";

type OrgRow = typeof organisations.$inferSelect;

export function presentUser(user: UserRow): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale === "en" ? "en" : "fr",
    emailVerified: user.emailVerifiedAt !== null,
    platformRoles: user.platformRoles as UserDto["platformRoles"],
    createdAt: user.createdAt.toISOString(),
  };
}

export function presentOrganisationSummary(org: OrgRow): OrganisationSummaryDto {
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    kind: org.kind as OrganisationSummaryDto["kind"],
    parentId: org.parentId,
    city: org.city,
  };
}

export async function presentMe(q: Queryable, user: UserRow, csrfToken: string) {
  const rows = await listUserOrganisations(q, user.id);
  return {
    user: presentUser(user),
    memberships: rows.map((r) => ({
      organisation: presentOrganisationSummary(r.organisation),
      role: r.role as MemberRole,
    })),
    csrfToken,
  };
}
