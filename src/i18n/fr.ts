// French catalogue: the default language, assembled from one part per area of the application.

import * as healthApi from "./health/api.ts";
import * as healthConnections from "./health/connections.ts";
import * as healthEntry from "./health/entry.ts";
import * as healthExplorer from "./health/explorer.ts";
import * as healthImport from "./health/import.ts";
import * as healthImportFiles from "./health/import-files.ts";
import * as healthImports from "./health/imports.ts";
import * as healthUnits from "./health/units.ts";
import * as programmeDashboard from "./programme/dashboard.ts";
import * as programmeMissions from "./programme/missions.ts";
import * as programmePages from "./programme/pages.ts";
import * as registerImport from "./programme/register-import.ts";
import * as programmeResults from "./programme/results.ts";
import * as testimonials from "./programme/testimonials.ts";
import * as accessTokens from "./shared/access-tokens.ts";
import * as auth from "./shared/auth.ts";
import * as input from "./shared/input.ts";
import * as pager from "./shared/pager.ts";
import * as security from "./shared/security.ts";
import * as setup from "./shared/setup.ts";
import * as users from "./shared/users.ts";
import * as acronyms from "./tracker/acronyms.ts";
import * as files from "./tracker/files.ts";
import * as outcomes from "./tracker/outcomes.ts";
import * as pub from "./tracker/public.ts";
import * as questionnaire from "./tracker/questionnaire.ts";
import * as reportCover from "./tracker/report-cover.ts";
import * as reportTexts from "./tracker/report-texts.ts";
import * as sendback from "./tracker/sendback.ts";
import * as tracking from "./tracker/tracking.ts";
import * as translations from "./tracker/translations.ts";
import * as validation from "./tracker/validation.ts";
import * as verdicts from "./tracker/verdicts.ts";
import * as vocabulary from "./tracker/vocabulary.ts";
import * as workspace from "./tracker/workspace.ts";

export const fr = {
  ...vocabulary.fr,
  ...pub.fr,
  ...auth.fr,
  ...workspace.fr,
  ...questionnaire.fr,
  ...files.fr,
  ...users.fr,
  ...accessTokens.fr,
  ...tracking.fr,
  ...validation.fr,
  ...verdicts.fr,
  ...reportTexts.fr,
  ...translations.fr,
  ...reportCover.fr,
  ...acronyms.fr,
  ...outcomes.fr,
  ...sendback.fr,
  ...setup.fr,
  ...security.fr,
  ...input.fr,
  ...pager.fr,
  ...healthImports.fr,
  ...healthImportFiles.fr,
  ...healthUnits.fr,
  ...healthConnections.fr,
  ...healthImport.fr,
  ...healthEntry.fr,
  ...healthApi.fr,
  ...healthExplorer.fr,
  ...programmePages.fr,
  ...registerImport.fr,
  ...registerImport.pageFr,
  ...programmeMissions.fr,
  ...testimonials.fr,
  ...programmeDashboard.fr,
  ...programmeResults.fr,
} as const;

export type MessageKey = keyof typeof fr;
