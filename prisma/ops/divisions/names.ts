// Names of divisions the official tree gives only in Chinese: the name people use (without the
// committee suffix of the statistical tables), an English name made of pinyin and a translated generic
// part (砚池街道 → Yanchi Subdistrict), and the pinyin initials search matches (ycjd). Generated
// English is marked as such (Division.nameEnGenerated): pinyin-pro reads some polyphonic characters
// of place names wrongly, and a partner must be able to tell it from an English name a source gave.
import { pinyin } from 'pinyin-pro'

// The statistical tables name the committee (村民委员会, 社区居民委员会); the division is the village
// or community it serves. Village names mostly keep 村 before the suffix (新田村村民委员会), not always
// (大寨村民委员会): either way the village is "…村".
const COMMITTEE_SUFFIXES: readonly [RegExp, string][] = [
  [/(?:村民委员会|村委会)$/, '村'],
  [/(?:居民委员会|居委会)$/, '社区'],
]

/** The name of a division as people use it, from the name the official tables give. */
export function commonName(officialName: string): string {
  const name = officialName.trim()
  for (const [suffix, generic] of COMMITTEE_SUFFIXES) {
    if (!suffix.test(name)) continue
    const stem = name.replace(suffix, '')
    return stem.endsWith(generic) ? stem : stem + generic
  }
  return name
}

// biome-ignore format: one people a line reads as a table
const ETHNIC_GROUPS: Record<string, string> = {
  回族: 'Hui', 彝族: 'Yi', 苗族: 'Miao', 藏族: 'Tibetan', 白族: 'Bai', 傣族: 'Dai', 壮族: 'Zhuang',
  布依族: 'Bouyei', 土家族: 'Tujia', 蒙古族: 'Mongol', 满族: 'Manchu', 瑶族: 'Yao', 侗族: 'Dong',
  哈尼族: 'Hani', 傈僳族: 'Lisu', 纳西族: 'Naxi', 景颇族: 'Jingpo', 佤族: 'Va', 拉祜族: 'Lahu',
  水族: 'Shui', 畲族: 'She', 仡佬族: 'Gelao', 羌族: 'Qiang', 布朗族: 'Blang', 普米族: 'Pumi', 怒族: 'Nu',
  独龙族: 'Derung', 基诺族: 'Jino', 阿昌族: 'Achang', 德昂族: "De'ang", 朝鲜族: 'Korean', 锡伯族: 'Xibe',
  达斡尔族: 'Daur', 鄂温克族: 'Ewenki', 鄂伦春族: 'Oroqen', 柯尔克孜族: 'Kirgiz', 哈萨克族: 'Kazak',
  维吾尔族: 'Uygur', 土族: 'Tu', 撒拉族: 'Salar', 东乡族: 'Dongxiang', 保安族: 'Bonan', 裕固族: 'Yugur',
  仫佬族: 'Mulao', 毛南族: 'Maonan', 京族: 'Gin', 黎族: 'Li', 高山族: 'Gaoshan', 门巴族: 'Monba',
  珞巴族: 'Lhoba', 塔吉克族: 'Tajik', 乌孜别克族: 'Uzbek', 俄罗斯族: 'Russian', 塔塔尔族: 'Tatar',
  赫哲族: 'Hezhen',
}

// Longest first, so 自治县 wins over 县 and 街道办事处 over 街道.
const GENERIC_PARTS: readonly [string, string][] = (
  [
    ['街道办事处', 'Subdistrict'],
    ['街道', 'Subdistrict'],
    ['社区', 'Community'],
    ['村', 'Village'],
    ['镇', 'Town'],
    ['乡', 'Township'],
    ['苏木', 'Sumu'],
    ['自治县', 'Autonomous County'],
    ['自治旗', 'Autonomous Banner'],
    ['县', 'County'],
    ['旗', 'Banner'],
    ['区', 'District'],
    ['自治州', 'Autonomous Prefecture'],
    ['地区', 'Prefecture'],
    ['盟', 'League'],
    ['市', 'City'],
    ['自治区', 'Autonomous Region'],
    ['省', 'Province'],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length)

const HAN = /\p{Script=Han}/u

/** Hanyu pinyin of a proper name: syllables run together, capitalised, with an apostrophe where a
 * syllable starting with a, o or e would otherwise run into the one before it (Xi'an). */
export function properPinyin(text: string): string {
  const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
  let out = ''
  for (const syllable of syllables) {
    const s = syllable.trim()
    if (!s) continue
    if (out && /^[aoe]/.test(s) && /[a-z]$/.test(out)) out += "'"
    out += s
  }
  return out.charAt(0).toUpperCase() + out.slice(1)
}

/** Splits an ethnic township's generic part: 回族彝族乡 → ['Hui', 'Yi'] and 乡. */
function ethnicGroups(specificWithEthnic: string): { stem: string; groups: string[] } {
  const groups: string[] = []
  let stem = specificWithEthnic
  for (;;) {
    const found = Object.keys(ETHNIC_GROUPS)
      .filter((group) => stem.endsWith(group) && stem.length > group.length)
      .sort((a, b) => b.length - a.length)[0]
    if (!found) break
    groups.unshift(ETHNIC_GROUPS[found] as string)
    stem = stem.slice(0, -found.length)
  }
  return { stem, groups }
}

const joinGroups = (groups: string[]) =>
  groups.length <= 1 ? (groups[0] ?? '') : `${groups.slice(0, -1).join(', ')} and ${groups.at(-1)}`

/**
 * An English name for a Chinese division name: pinyin of the specific part, the generic part
 * translated (小龙洞回族彝族乡 → Xiaolongdong Hui and Yi Ethnic Township). Names that are not Chinese
 * come back unchanged.
 */
export function generatedEnglishName(nameZh: string): string {
  const name = nameZh.trim()
  if (!HAN.test(name)) return name
  const generic = GENERIC_PARTS.find(([zh]) => name.endsWith(zh) && name.length > zh.length)
  if (!generic) return properPinyin(name)
  const [zh, en] = generic
  const { stem, groups } = ethnicGroups(name.slice(0, -zh.length))
  const ethnic = groups.length > 0 ? `${joinGroups(groups)} Ethnic ` : ''
  return `${properPinyin(stem)} ${ethnic}${en}`
}

/** Lower-case initials of the pinyin of a name (砚池街道 → ycjd); what is not Chinese is left out. */
export function pinyinInitials(nameZh: string): string {
  const initials = pinyin(nameZh, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' })
  return initials
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 100)
}
