// English catalogue: one entry for every French key (each part is checked against its French).
import type { MessageKey } from "./fr.ts";
import * as auth from "./parts/auth.ts";
import * as pub from "./parts/public.ts";

export const en: Record<MessageKey, string> = { ...pub.en, ...auth.en };
