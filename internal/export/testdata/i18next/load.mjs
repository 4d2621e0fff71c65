// Loads an i18next export (DIR/<lng>/faceidmsg.json, namespace faceidmsg) into i18next and
// prints, as JSON, t(key) for each query read from argv[3]:
// [{"lng": "th", "key": "saas_1201", "code": "1999"}, ...].
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import i18next from "i18next";

const dir = process.argv[2];
const queries = JSON.parse(process.argv[3]);
const resources = {};
for (const lng of readdirSync(dir)) {
  resources[lng] = { faceidmsg: JSON.parse(readFileSync(join(dir, lng, "faceidmsg.json"), "utf8")) };
}
await i18next.init({ resources, ns: ["faceidmsg"], defaultNS: "faceidmsg", fallbackLng: "en", initImmediate: false });
const out = queries.map((q) => i18next.getFixedT(q.lng)(q.key, q.code ? { code: q.code } : undefined));
console.log(JSON.stringify(out));
