// The file workers tests hand to the services that draw or read files, as main.ts does for the
// server: one renderer and one workbook reader for a test file; stop the renderer in afterAll.
import { createRenderer } from "../../src/services/shared/rendering.ts";
import { createWorkbookReader } from "../../src/services/tracker/upload-reading.ts";

export const renderer = createRenderer();
export const workbookReader = createWorkbookReader();
