import type { Random } from './random.ts'

/** A Chinese name and its English rendering. */
export interface Name {
  zh: string
  en: string
}

type Syllable = readonly [string, string]

// Characters common in Zhaotong place names, with their pinyin (tones dropped, as on road signs).
// biome-ignore format: a table of syllables
const HEADS: readonly Syllable[] = [
  ['龙', 'long'], ['大', 'da'], ['小', 'xiao'], ['新', 'xin'], ['永', 'yong'], ['金', 'jin'], ['青', 'qing'],
  ['石', 'shi'], ['白', 'bai'], ['黑', 'hei'], ['马', 'ma'], ['花', 'hua'], ['田', 'tian'], ['牛', 'niu'],
  ['凤', 'feng'], ['乐', 'le'], ['兴', 'xing'], ['盐', 'yan'], ['中', 'zhong'], ['长', 'chang'], ['平', 'ping'],
  ['桃', 'tao'], ['柳', 'liu'], ['高', 'gao'], ['寿', 'shou'], ['团', 'tuan'], ['麻', 'ma'], ['鱼', 'yu'],
  ['双', 'shuang'], ['三', 'san'], ['观', 'guan'], ['罗', 'luo'], ['雨', 'yu'], ['洛', 'luo'], ['黄', 'huang'],
  ['碧', 'bi'], ['以', 'yi'], ['豆', 'dou'], ['果', 'guo'], ['苏', 'su'], ['芒', 'mang'], ['毛', 'mao'],
  ['林', 'lin'], ['坡', 'po'], ['杉', 'shan'], ['茶', 'cha'], ['铜', 'tong'], ['银', 'yin'], ['鹿', 'lu'],
  ['靖', 'jing'], ['乌', 'wu'], ['云', 'yun'], ['海', 'hai'], ['旧', 'jiu'], ['羊', 'yang'], ['箐', 'qing'],
]
// biome-ignore format: a table of syllables
const TAILS: readonly Syllable[] = [
  ['潭', 'tan'], ['坝', 'ba'], ['溪', 'xi'], ['山', 'shan'], ['场', 'chang'], ['街', 'jie'], ['沟', 'gou'],
  ['河', 'he'], ['口', 'kou'], ['坪', 'ping'], ['寨', 'zhai'], ['湾', 'wan'], ['洞', 'dong'], ['岩', 'yan'],
  ['桥', 'qiao'], ['塘', 'tang'], ['营', 'ying'], ['关', 'guan'], ['堡', 'bao'], ['厂', 'chang'], ['源', 'yuan'],
  ['阳', 'yang'], ['丰', 'feng'], ['安', 'an'], ['宁', 'ning'], ['华', 'hua'], ['江', 'jiang'], ['滩', 'tan'],
  ['井', 'jing'], ['岭', 'ling'], ['屯', 'tun'], ['乐', 'le'], ['水', 'shui'], ['田', 'tian'], ['池', 'chi'],
  ['庄', 'zhuang'], ['箐', 'qing'], ['垭', 'ya'], ['冲', 'chong'], ['岗', 'gang'], ['海', 'hai'], ['门', 'men'],
]
// Auspicious names that relocation communities favour.
// biome-ignore format: a table of syllables
const AUSPICIOUS: readonly Syllable[] = [
  ['幸福', 'xingfu'], ['和谐', 'hexie'], ['康居', 'kangju'], ['安居', 'anju'], ['团结', 'tuanjie'],
  ['同心', 'tongxin'], ['乐居', 'leju'], ['振兴', 'zhenxing'], ['宜居', 'yiju'], ['阳光', 'yangguang'],
  ['祥和', 'xianghe'], ['富民', 'fumin'], ['兴隆', 'xinglong'], ['福泽', 'fuze'], ['惠民', 'huimin'],
  ['民安', "min'an"], ['锦绣', 'jinxiu'], ['新华', 'xinhua'], ['春晖', 'chunhui'], ['向阳', 'xiangyang'],
  ['感恩', "gan'en"], ['福康', 'fukang'], ['和平', 'heping'], ['永兴', 'yongxing'], ['宏福', 'hongfu'],
  ['安康', 'ankang'], ['平安', "ping'an"], ['和顺', 'heshun'], ['吉祥', 'jixiang'], ['福安', "fu'an"],
  ['康乐', 'kangle'], ['明德', 'mingde'], ['新风', 'xinfeng'], ['长青', 'changqing'], ['荣华', 'ronghua'],
  ['兴旺', 'xingwang'], ['和美', 'hemei'], ['康宁', 'kangning'], ['乐业', 'leye'], ['安泰', 'antai'],
]
// Characters company names are made of, two at a time (鑫源, 恒达…).
// biome-ignore format: a table of syllables
const TRADE_CHARACTERS: readonly Syllable[] = [
  ['鑫', 'xin'], ['盛', 'sheng'], ['达', 'da'], ['源', 'yuan'], ['丰', 'feng'], ['华', 'hua'], ['恒', 'heng'],
  ['瑞', 'rui'], ['泰', 'tai'], ['兴', 'xing'], ['隆', 'long'], ['汇', 'hui'], ['宏', 'hong'], ['福', 'fu'],
  ['祥', 'xiang'], ['佳', 'jia'], ['美', 'mei'], ['锦', 'jin'], ['润', 'run'], ['诚', 'cheng'], ['和', 'he'],
  ['康', 'kang'], ['宇', 'yu'], ['博', 'bo'], ['嘉', 'jia'], ['昌', 'chang'], ['旺', 'wang'], ['德', 'de'],
  ['安', 'an'], ['益', 'yi'], ['鸿', 'hong'], ['永', 'yong'], ['天', 'tian'], ['云', 'yun'], ['绿', 'lv'],
]

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 2 → 二, 12 → 十二, 23 → 二十三 (enough for ordinals up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n)
  if (n >= 100) return String(n)
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${CHINESE_DIGITS[n % 10]}`
}

export function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

/** Joins pinyin syllables as place names are written: Xin'an, not Xinan. */
function joinPinyin(syllables: readonly string[]): string {
  return capitalize(
    syllables.reduce((joined, next) => (joined && /^[aeo]/.test(next) ? `${joined}'${next}` : joined + next), ''),
  )
}

/** A two-character place name such as 龙潭 / Longtan. */
export function placeName(rng: Random): Name {
  const head = rng.pick(HEADS)
  let tail = rng.pick(TAILS)
  while (tail[0] === head[0]) tail = rng.pick(TAILS)
  return { zh: head[0] + tail[0], en: joinPinyin([head[1], tail[1]]) }
}

export function auspiciousName(rng: Random): Name {
  const [zh, en] = rng.pick(AUSPICIOUS)
  return { zh, en: joinPinyin([en]) }
}

export function tradeName(rng: Random): Name {
  const first = rng.pick(TRADE_CHARACTERS)
  let second = rng.pick(TRADE_CHARACTERS)
  while (second[0] === first[0]) second = rng.pick(TRADE_CHARACTERS)
  return { zh: first[0] + second[0], en: joinPinyin([first[1], second[1]]) }
}

/**
 * Keeps names unique within a scope (a county's townships, a township's villages…): draws a few
 * times, then falls back to an ordinal suffix, as real registers do (第二小学, 幸福二社区).
 */
export class NameRegistry {
  private readonly used = new Set<string>()

  /** Draws until the name is free in `scope` (a few times at most), then claims it. */
  unique(draw: () => Name, scope: string | number, attempts = 6): Name {
    return this.claim(this.fresh(draw, scope, attempts), scope)
  }

  has(name: Name, scope: string | number): boolean {
    return this.used.has(`${scope}|${name.zh}`)
  }

  /** Draws until the name is free in `scope` (a few times at most), without claiming it. */
  fresh(draw: () => Name, scope: string | number, attempts = 6): Name {
    let name = draw()
    for (let i = 1; i < attempts && this.used.has(`${scope}|${name.zh}`); i++) name = draw()
    return name
  }

  /** Claims `name` in `scope`, numbering it（二）,（三）… if it is taken. */
  claim(name: Name, scope: string | number): Name {
    let result = name
    for (let n = 2; this.used.has(`${scope}|${result.zh}`); n++) {
      result = { zh: `${name.zh}（${chineseNumber(n)}）`, en: `${name.en} (${n})` }
    }
    this.used.add(`${scope}|${result.zh}`)
    return result
  }
}

/** Numbers repeated names the way registers do: 人民医院, 第二人民医院, 第三人民医院… */
export class Ordinals {
  private readonly seen = new Map<string, number>()

  next(key: string): number {
    const n = (this.seen.get(key) ?? 0) + 1
    this.seen.set(key, n)
    return n
  }
}
