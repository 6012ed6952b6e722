// French catalogue: the default language, assembled from one part per area of the application.
import * as auth from "./parts/auth.ts";
import * as pub from "./parts/public.ts";

export const fr = { ...pub.fr, ...auth.fr } as const;

export type MessageKey = keyof typeof fr;
