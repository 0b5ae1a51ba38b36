import { drawFrom, type Prng, parseWeighted, type TWeighted } from './prng.ts';

/*
 * Names, ethnic groups and phone numbers for synthetic people. Surname weights follow the published frequency
 * ranking (per mille, roughly); given names are one or two characters from common name characters.
 */

const SURNAMES = parseWeighted(
  '王:71 李:70 张:67 刘:54 陈:45 杨:31 黄:22 赵:21 吴:20 周:19 徐:17 孙:15 马:15 朱:13 胡:13 郭:12 何:12 高:12 林:11 ' +
    '罗:10 郑:8 梁:8 谢:8 宋:7 唐:7 许:7 韩:6 冯:6 邓:6 曹:6 彭:6 曾:6 肖:6 田:5 董:5 袁:5 潘:5 于:5 蒋:5 蔡:5 余:5 杜:5 叶:4 ' +
    '程:4 苏:4 魏:4 吕:4 丁:4 任:4 沈:4 姚:4 卢:4 姜:3 崔:3 钟:3 谭:3 陆:3 汪:3 范:3 金:3 石:3 廖:3 贾:3 夏:3 韦:3 付:3 方:3 ' +
    '白:3 邹:3 孟:3 熊:3 秦:3 邱:3 江:3 尹:3 薛:3 闫:3 段:3 雷:3 侯:3 龙:3 史:3 陶:2 黎:2 贺:2 顾:2 毛:2 郝:2 龚:2 邵:2 万:2 ' +
    '钱:2 严:2 覃:2 武:2 戴:2 莫:2 孔:2 向:2 汤:2 欧阳:1 上官:0.2',
);

/** Surnames over-represented in some provinces (壮、瑶 in 广西; 彝 in 凉山/毕节; 回 in 宁夏/甘肃). */
const LOCAL_SURNAMES: Record<string, readonly string[]> = {
  '45': ['韦', '覃', '蒙', '莫', '黄', '梁', '卢', '农'],
  '51': ['吉', '阿', '沙', '马', '曲', '海', '俄', '日'],
  '52': ['龙', '吴', '杨', '罗', '王', '陈', '安', '禄'],
  '53': ['李', '杨', '普', '罗', '字', '段', '刀', '和'],
  '62': ['马', '王', '张', '何', '包', '妥'],
  '64': ['马', '杨', '丁', '海', '哈', '虎', '田'],
  '65': ['马', '王', '李', '张'],
};

const NEUTRAL = [...'子一文雨晓海春天小家金嘉安心琪诗梓若可晨思明欣语雅宇佳永建国学新正世美'];
const MALE = [
  ...('伟强磊军洋勇杰涛超刚平辉鹏华飞鑫波斌浩凯健俊帆帅旭宁龙林阳亮成峰坤博' +
    '轩然豪航宏志锐彬昊哲睿泽毅源森东兵江山鸿鹤'),
];
const FEMALE = [
  ...('芳娜敏静丽艳娟霞秀燕玲桂丹萍红婷雪琳颖倩琴云莉慧欣悦璐瑶怡' + '婧蕾晶妍茜洁露月梅兰凤玉彤雯薇蓉菲娅'),
];

/** Uyghur names as written in Chinese: given name · father's name. */
const UYGHUR_MALE = (
  '买买提 艾力 阿不都 吐尔逊 艾尔肯 阿迪力 麦尔丹 依明 玉苏甫 吾斯曼 伊力哈木 ' +
  '艾克拜尔 亚森 喀迪尔 塔依尔 沙吾提 努尔艾力 阿卜杜拉'
).split(' ');
const UYGHUR_FEMALE = (
  '古丽米拉 阿依古丽 热依拉 迪丽热巴 帕提古丽 如克亚 布买热木 ' +
  '祖丽胡玛尔 米热古丽 阿依努尔 热孜万古丽 努尔尼沙'
).split(' ');

export type TGender = 'male' | 'female';

/** Counties of southern Xinjiang (Kashgar, Hotan, Kizilsu) where most people are Uyghur. */
const isSouthXinjiang = (county: string) => /^65(31|32|30)/.test(county);

/** A plausible full name for someone from `county`. */
export function makeName(rng: Prng, gender: TGender, county: string, ethnicity: string): string {
  if (ethnicity === '维吾尔族') {
    const given = rng.pick(gender === 'male' ? UYGHUR_MALE : UYGHUR_FEMALE);
    return `${given}·${rng.pick(UYGHUR_MALE)}`;
  }
  const local = LOCAL_SURNAMES[county.slice(0, 2)];
  const surname = local && rng.chance(0.3) ? rng.pick(local) : drawFrom(rng, SURNAMES);
  return surname + makeGivenName(rng, gender);
}

/** A given name of one character (30 %) or two. */
export function makeGivenName(rng: Prng, gender: TGender): string {
  const gendered = gender === 'male' ? MALE : FEMALE;
  if (rng.chance(0.3)) return rng.pick(gendered);
  const first = rng.chance(0.5) ? rng.pick(NEUTRAL) : rng.pick(gendered);
  let second = rng.pick(gendered);
  if (second === first) second = rng.pick(gendered);
  return first + second;
}

const ETHNICITIES: Record<string, TWeighted<string>> = {
  '45': parseWeighted('汉族:55 壮族:30 瑶族:5 苗族:4 侗族:4 仫佬族:2'),
  '51': parseWeighted('汉族:85 彝族:10 藏族:5'),
  '52': parseWeighted('汉族:60 苗族:12 布依族:10 彝族:6 侗族:6 土家族:6'),
  '53': parseWeighted('汉族:65 彝族:12 哈尼族:5 白族:5 傣族:4 壮族:4 苗族:3 傈僳族:2'),
  '62': parseWeighted('汉族:90 回族:6 东乡族:2 藏族:2'),
  '64': parseWeighted('汉族:62 回族:38'),
  '65': parseWeighted('汉族:60 维吾尔族:20 哈萨克族:12 回族:8'),
};
const ELSEWHERE = parseWeighted('汉族:92 满族:3 回族:2 土家族:2 蒙古族:1');

/** The ethnic group, weighted by where someone is from (凉山 and 东乡 and southern Xinjiang mostly minority). */
export function makeEthnicity(rng: Prng, county: string): string {
  if (county.startsWith('5134') && rng.chance(0.8)) return '彝族';
  if (county === '622926' && rng.chance(0.8)) return '东乡族';
  if (isSouthXinjiang(county) && rng.chance(0.9)) return '维吾尔族';
  return drawFrom(rng, ETHNICITIES[county.slice(0, 2)] ?? ELSEWHERE);
}

const PHONE_PREFIXES = (
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 173 176 177 178 180 181 ' +
  '182 183 185 186 187 188 189 191 198 199'
).split(' ');

/** An 11-digit mainland mobile number. */
export function makePhone(rng: Prng): string {
  return rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}
