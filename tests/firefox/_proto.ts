import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import { Marionette } from './marionette';
const UUID = '3f0c8a52-6d1e-4b7a-9c2f-5a1e0b7d9c41';
const t0 = Date.now();
const dir = '/tmp/ffproto/profile';
let browser = await puppeteer.launch({
  browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true, protocol: 'webDriverBiDi', userDataDir: dir,
  args: ['--marionette', '-remote-allow-system-access'],
  extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ 'applicant-panel@applicant-panel.dev': UUID }), 'marionette.port': 0 },
});
const ws = browser.wsEndpoint();
await browser.installExtension('/work/main/.output/firefox-mv2');
console.log('installed', Date.now() - t0);
await new Promise(r => setTimeout(r, 1000));
await browser.disconnect();
const mn = await Marionette.connect(Number(readFileSync(dir + '/MarionetteActivePort', 'utf8')));
console.log('mn', Date.now() - t0);
const state = `return [SidebarController.isOpen, SidebarController.currentID, document.getElementById('applicant-panel_applicant-panel_dev-browser-action')?.localName, CustomizableUI.getPlacementOfWidget('applicant-panel_applicant-panel_dev-browser-action')]`;
console.log(await mn.chrome(state));
console.log(await mn.chrome(`const n = CustomizableUI.getWidget('applicant-panel_applicant-panel_dev-browser-action').forWindow(window).node; n.click(); return !!n`));
await new Promise(r => setTimeout(r, 1500));
console.log(await mn.chrome(state));
console.log(await mn.chrome(`const b = document.getElementById('sidebar').contentDocument.getElementById('webext-panels-browser'); return b && b.currentURI.spec`));
await mn.chrome(`gBrowser.selectedTab = gBrowser.addTab(arguments[0], {triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal()}); return 1`, [`moz-extension://${UUID}/options.html`]);
await mn.close();
console.log('mn closed', Date.now() - t0);
browser = await puppeteer.connect({ browserWSEndpoint: ws, protocol: 'webDriverBiDi', acceptInsecureCerts: true });
console.log('reconnected', Date.now() - t0, (await browser.pages()).map(p => p.url()));
const page = (await browser.pages()).find(p => p.url().startsWith('moz-extension:'))!;
console.log(await page.evaluate(() => document.body.innerText.slice(0, 100)));
await page.evaluate(() => window.open('sidepanel.html'));
const t = await browser.waitForTarget(t => t.url().includes('sidepanel.html'));
const p2 = (await t.page())!;
await p2.waitForSelector('header');
console.log(await p2.$eval('header', h => h.textContent));
await browser.close();
console.log('done', Date.now() - t0);
