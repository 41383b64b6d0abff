// The browser is provisioned explicitly by `npm run browser` (scripts/provision-browser.mjs), which
// tries Puppeteer's download and falls back to the system package manager. Downloading during
// `npm ci` would make installation fail on machines without internet access.
module.exports = { skipDownload: true };
