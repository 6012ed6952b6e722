// A send-back told to its partner: the e-mail composed in the recipient's language, and the
// page that hands the coordinator a fresh link and its WhatsApp message.
import { html } from "hono/html";
import { translator } from "../../../i18n/index.ts";
import type { SendBackFacts, SendBackMessage } from "../../../services/tracker/send-back.ts";
import { field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { cycleTabs } from "../../shared/workspace.ts";

export function sendBackMail(): SendBackMessage {
  return (lang, facts) => {
    const t = translator(lang);
    return { subject: t("sb.mail.subject", { ...facts }), body: t("sb.mail.body", { ...facts }) };
  };
}

export function sendBackWhatsappPage(
  view: View,
  link: SendBackFacts & { cycleSlug: string; answerId: number },
): Html {
  const { t } = view;
  // The message is French whatever the coordinator's language: partners read it in French.
  const text = translator("fr")("sb.whatsapp.text", { ...link });
  const back = `/manage/cycles/${encodeURIComponent(link.cycleSlug)}/validation?answer=${link.answerId}#a-${link.answerId}`;
  return page(view, {
    title: t("sb.wa.title", { partner: link.partner }),
    body: html`${cycleTabs(view, link.cycleSlug, "validation")}
<h1>${t("sb.wa.title", { partner: link.partner })}</h1>
<section class="card" aria-live="polite">
<p class="notice">${t("ws.invite.created")}</p>
<p><a class="button" href="https://wa.me/?text=${encodeURIComponent(text)}" rel="noopener noreferrer" target="_blank">${t("track.wa.open")}</a></p>
${field({ name: "message", label: t("track.wa.message"), value: text, multiline: true, attrs: html` readonly rows="7" lang="fr"` })}
${field({ name: "link", label: t("ws.invite.link"), value: link.url, attrs: html` readonly` })}
</section>
<p><a href="${back}">${t("sb.back")}</a></p>`,
  });
}
