// Screenshot an HTML page in headless Chromium, as a reader would see it.
// Usage: node shot.mjs PAGE.html OUT.png [WIDTH]   (the whole page, one PNG)
import chromium from "@sparticuz/chromium";
import puppeteer from "puppeteer-core";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [, , page, out, width = "1000"] = process.argv;
if (!page || !out) {
  console.error("usage: node shot.mjs PAGE.html OUT.png [WIDTH]");
  process.exit(2);
}
const browser = await puppeteer.launch({
  args: chromium.args,
  executablePath: await chromium.executablePath(),
  headless: "shell",
});
try {
  const tab = await browser.newPage();
  await tab.setViewport({ width: Number(width), height: 800 });
  await tab.goto(pathToFileURL(resolve(page)).href, { waitUntil: "load" });
  await tab.screenshot({ path: out, fullPage: true });
  const height = await tab.evaluate(() => document.body.scrollHeight);
  console.log(`${out}: ${width} x ${height} px`);
} finally {
  await browser.close();
}
