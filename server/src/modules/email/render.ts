import type { Locale } from "../../errors";
import { type RenderedEmail, renderLayout } from "./layout";
import { type EmailTemplateOf, type TemplateName, templates } from "./templates";

export type { RenderedEmail } from "./layout";

/** The subject, text and HTML of one email, in one language. */
export function renderEmail<N extends TemplateName>(
  template: EmailTemplateOf<N>,
  locale: Locale,
): RenderedEmail {
  const name: N = template.name;
  const content = templates[name][locale];
  return renderLayout(content(template), locale);
}
