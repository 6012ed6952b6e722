// What a tracker path may name beyond a slug: a process indicator's code ("a", "ab").
import { z } from "zod";

export const indicatorCodeParam = z.string().regex(/^[a-z]{1,2}$/);
