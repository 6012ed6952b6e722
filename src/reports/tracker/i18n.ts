// The report's words come from the catalogues of src/i18n (shared with the pages where they say
// the same thing); this is the report renderers' one door to them.
export {
  formatDate,
  formatNumber,
  formatValue,
  type ReportKey,
  type ReportT,
  reportTranslator,
} from "../../i18n/report.ts";
