// Guarding text written into spreadsheets and CSV files, which any report or download shares.

/**
 * A text a spreadsheet could take for a formula (=, +, -, @, tab, carriage return) gets a
 * leading apostrophe, the usual guard against formula injection: it stays visible text.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
