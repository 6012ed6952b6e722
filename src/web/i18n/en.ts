// English catalogue: one entry for every French key (each part is checked against its French).
import type { MessageKey } from "./fr.ts";
import * as acronyms from "./parts/acronyms.ts";
import * as auth from "./parts/auth.ts";
import * as files from "./parts/files.ts";
import * as input from "./parts/input.ts";
import * as pub from "./parts/public.ts";
import * as questionnaire from "./parts/questionnaire.ts";
import * as reportTexts from "./parts/report-texts.ts";
import * as security from "./parts/security.ts";
import * as sendback from "./parts/sendback.ts";
import * as setup from "./parts/setup.ts";
import * as tracking from "./parts/tracking.ts";
import * as users from "./parts/users.ts";
import * as validation from "./parts/validation.ts";
import * as workspace from "./parts/workspace.ts";

export const en: Record<MessageKey, string> = {
  ...pub.en,
  ...auth.en,
  ...workspace.en,
  ...questionnaire.en,
  ...files.en,
  ...users.en,
  ...tracking.en,
  ...validation.en,
  ...reportTexts.en,
  ...acronyms.en,
  ...sendback.en,
  ...setup.en,
  ...security.en,
  ...input.en,
};
