// The command line's terminal messages, from the catalogue of src/i18n (French and English).
export { type CliMessage, cliMessage } from "../i18n/cli.ts";
