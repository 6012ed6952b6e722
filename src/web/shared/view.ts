// What every page needs to render: the language, its translator and the current path.
import type { HtmlEscapedString } from "hono/utils/html";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Translate, translator } from "../../i18n/index.ts";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface View {
  lang: Lang;
  t: Translate;
  /** Path and query of the current request, for the language switch and navigation state. */
  path: string;
  /**
   * Who is signed in, for the header; absent for anonymous visitors. `link` marks a session
   * opened from an invitation link: it has no sign-out, which would lock its respondent out.
   */
  user?: { name: string; workspace: boolean; link?: boolean } | undefined;
  /** The owner key of the session's offline writes (domain/policy.ts `ownerKey`). */
  owner?: string | undefined;
  /** The token every form must send back (hidden field `_csrf`). */
  csrf?: string | undefined;
}

export function makeView(
  lang: Lang,
  path: string,
  extra: { user?: View["user"]; csrf?: string | undefined; owner?: string | undefined } = {},
): View {
  return {
    lang,
    t: translator(lang),
    path,
    user: extra.user,
    csrf: extra.csrf,
    owner: extra.owner,
  };
}
