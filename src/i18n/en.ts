// English catalogue: one entry for every French key (each part is checked against its French).
import type { MessageKey } from "./fr.ts";
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

export const en: Record<MessageKey, string> = {
  ...vocabulary.en,
  ...pub.en,
  ...auth.en,
  ...workspace.en,
  ...questionnaire.en,
  ...files.en,
  ...users.en,
  ...accessTokens.en,
  ...tracking.en,
  ...validation.en,
  ...verdicts.en,
  ...reportTexts.en,
  ...translations.en,
  ...reportCover.en,
  ...acronyms.en,
  ...outcomes.en,
  ...sendback.en,
  ...setup.en,
  ...security.en,
  ...input.en,
  ...pager.en,
  ...healthImports.en,
  ...healthImportFiles.en,
  ...healthUnits.en,
  ...healthConnections.en,
  ...healthImport.en,
  ...healthEntry.en,
  ...healthApi.en,
  ...healthExplorer.en,
  ...programmePages.en,
  ...registerImport.en,
  ...registerImport.pageEn,
  ...programmeMissions.en,
  ...testimonials.en,
  ...programmeDashboard.en,
  ...programmeResults.en,
};
