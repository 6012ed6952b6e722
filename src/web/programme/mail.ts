// The e-mail an overdue recommendation's owner receives, worded in the recipient's language.
import { formatDate, translator } from "../../i18n/index.ts";
import type { RecommendationReminderMessage } from "../../services/programme/mission-reminders.ts";

export function recommendationReminderMail(): RecommendationReminderMessage {
  return (lang, r) => {
    const t = translator(lang);
    const date = formatDate(lang, r.dueDate);
    return {
      subject: t("miss.mail.subject", { date }),
      body: t("miss.mail.body", {
        name: r.ownerName,
        mission: r.missionTitle,
        programme: r.programmeName,
        date,
        text: r.text,
        status: t(`miss.status.${r.status}`),
      }),
    };
  };
}
