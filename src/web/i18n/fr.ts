// French catalogue: the default language, assembled from one part per area of the application.
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

export const fr = {
  ...pub.fr,
  ...auth.fr,
  ...workspace.fr,
  ...questionnaire.fr,
  ...files.fr,
  ...users.fr,
  ...tracking.fr,
  ...validation.fr,
  ...reportTexts.fr,
  ...acronyms.fr,
  ...sendback.fr,
  ...setup.fr,
  ...security.fr,
  ...input.fr,
} as const;

export type MessageKey = keyof typeof fr;
