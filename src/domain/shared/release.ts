// The release this code is: printed by `jalon --version` and written into every backup.
export const VERSION = "0.2.0";
