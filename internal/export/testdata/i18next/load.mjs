// Loads an i18next export (DIR/<lng>/faceidmsg.json, namespace faceidmsg,
// and DIR/i18next.config.json's fallbackLng when present) into i18next as
// the README says to, and prints, as JSON, t(key) for each query read from
// argv[3]: [{"lng": "th", "key": "saas_1201", "code": "1999"}, ...].
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import i18next from "i18next";

const dir = process.argv[2];
const queries = JSON.parse(process.argv[3]);
const resources = {};
for (const lng of readdirSync(dir)) {
  if (!statSync(join(dir, lng)).isDirectory()) continue;
  resources[lng] = { faceidmsg: JSON.parse(readFileSync(join(dir, lng, "faceidmsg.json"), "utf8")) };
}
const configPath = join(dir, "i18next.config.json");
const fallbackLng = existsSync(configPath) ? JSON.parse(readFileSync(configPath, "utf8")).fallbackLng : "en";
await i18next.init({ resources, ns: ["faceidmsg"], defaultNS: "faceidmsg", fallbackLng, initImmediate: false });
const out = queries.map((q) => i18next.getFixedT(q.lng)(q.key, q.code ? { code: q.code } : undefined));
console.log(JSON.stringify(out));
