// Chinese provincial-level divisions and the place phrases news English uses for them.
// Region format (documented in docs/ARCHITECTURE.md): "China" for national bodies, the province
// ("Anhui") for provincial ones, "City, Province" ("Yulin, Shaanxi") for municipal ones when the
// text names the province, else the city alone ("Chizhou").

/** Canonical short province name -> the longer official forms that may follow it in text. */
const PROVINCES: Record<string, string[]> = {
  Anhui: ["Province"], Beijing: ["Municipality"], Chongqing: ["Municipality"], Fujian: ["Province"],
  Gansu: ["Province"], Guangdong: ["Province"], Guangxi: ["Zhuang Autonomous Region", "Autonomous Region"],
  Guizhou: ["Province"], Hainan: ["Province"], Hebei: ["Province"], Heilongjiang: ["Province"],
  Henan: ["Province"], Hubei: ["Province"], Hunan: ["Province"], "Inner Mongolia": ["Autonomous Region"],
  Jiangsu: ["Province"], Jiangxi: ["Province"], Jilin: ["Province"], Liaoning: ["Province"],
  Ningxia: ["Hui Autonomous Region", "Autonomous Region"], Qinghai: ["Province"], Shaanxi: ["Province"],
  Shandong: ["Province"], Shanghai: ["Municipality"], Shanxi: ["Province"], Sichuan: ["Province"],
  Tianjin: ["Municipality"], Tibet: ["Autonomous Region"], Xinjiang: ["Uygur Autonomous Region", "Uyghur Autonomous Region", "Autonomous Region"],
  Yunnan: ["Province"], Zhejiang: ["Province"], "Hong Kong": ["Special Administrative Region"], Macau: ["Special Administrative Region"],
  Taiwan: [],
};

export const PROVINCE_NAMES: readonly string[] = Object.keys(PROVINCES);

export function isProvince(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(PROVINCES, name);
}

const PROVINCE_ALT = PROVINCE_NAMES.slice().sort((a, b) => b.length - a.length).join("|");
const PROVINCE_SUFFIX_ALT = "Uygur Autonomous Region|Uyghur Autonomous Region|Zhuang Autonomous Region|Hui Autonomous Region|Special Administrative Region|Autonomous Region|Province|Municipality";

/**
 * "Yulin City, Shaanxi Province", "Hami City, Xinjiang Uygur Autonomous Region", "Hebi City", "Fugu County",
 * "Anhui Province": a place acting as an issuer. Group 1 = place, 2 = its level, 3 = province (optional).
 */
export const PLACE_RE = new RegExp(
  `\\b([A-Z][a-z]+(?:[ '’-][A-Z][a-z]+)?) (City|County|Prefecture|District|${PROVINCE_SUFFIX_ALT})(?:, (${PROVINCE_ALT})(?: (?:${PROVINCE_SUFFIX_ALT}))?)?(?![A-Za-z])`,
  "g",
);

export interface Place {
  start: number;
  end: number;
  text: string;
  /** Region in the documented format. */
  region: string;
}

export function findPlaces(text: string): Place[] {
  const out: Place[] = [];
  PLACE_RE.lastIndex = 0;
  for (let m = PLACE_RE.exec(text); m; m = PLACE_RE.exec(text)) {
    const [whole, place, level, province] = m;
    const isProvLevel = /Province|Region|Municipality/.test(level);
    if (isProvLevel && !isProvince(place)) continue;
    const region = isProvLevel ? place : province ? `${place}, ${province}` : place;
    out.push({ start: m.index, end: m.index + whole.length, text: whole, region });
  }
  return out;
}

/**
 * Region of an organisation from its own name: "Anhui Provincial Development and Reform Commission" -> "Anhui",
 * "Chizhou Municipal People's Government" -> "Chizhou", "Fugu County Industry and Commerce Bureau" -> "Fugu".
 * National bodies ("State ...", "National ...", "Ministry of ...") -> "China". "" when the name does not say.
 */
export function regionFromName(name: string): string {
  const n = name.replace(/^the /i, "");
  // "Anhui Provincial ...", "Shanghai Jiao Tong University": a name that opens with a province is from there.
  for (const p of PROVINCE_NAMES) if (n === p || n.startsWith(p + " ")) return p;
  const local = /^([A-Z][a-z]+(?:[ '’-][A-Z][a-z]+)?) (?:City|County|Municipal|Prefecture|District)\b/.exec(n);
  if (local) return local[1];
  // "People's Government of Shaanxi Province", "Development Commission of Hefei City"
  const of = /\bof (?:the )?([A-Z][a-z]+(?:[ '’-][A-Z][a-z]+)?) (Province|City|County|Municipality|Autonomous Region|Uygur Autonomous Region|Hui Autonomous Region|Zhuang Autonomous Region)\b/.exec(n);
  if (of && (!/Province|Region|Municipality/.test(of[2]) || isProvince(of[1]))) return of[1];
  if (/^(State|National|Ministry|Central)\b/.test(n)) return "China";
  return "";
}
