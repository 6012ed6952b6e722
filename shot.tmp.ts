import { chromium } from "playwright-core";
const [url, out, width] = [process.argv[2], process.argv[3], Number(process.argv[4] ?? 390)];
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const p = await b.newPage({ viewport: { width, height: 800 } });
await p.goto(url!);
await p.screenshot({ path: out!, fullPage: true });
console.log(await p.evaluate(() => document.documentElement.scrollWidth));
await b.close();
