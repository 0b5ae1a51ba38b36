import type { TLevel } from '../../domain/registry/fields.ts';

/*
 * Majors per college, chosen by keywords in the college's name. Codes are real: 本科 from the 2020 普通高等学校
 * 本科专业目录, 专科 from the 2015 高职专业目录, 研究生 the 4-digit 一级学科 codes. `abbr` names the classes
 * (计算机科学与技术 → 计科2001班).
 */

export type TMajor = { code: string; name: string; abbr: string };

type TGroup = { match: RegExp; bachelor: string; diploma?: string; master?: string };

const GROUPS: TGroup[] = [
  {
    match: /计算机/,
    bachelor:
      '080901:计算机科学与技术:计科 080902:软件工程:软工 080903:网络工程:网工 080904K:信息安全:信安 080910T:数据科学与大数据技术:大数据',
    diploma: '610201:计算机应用技术:计应 610202:计算机网络技术:网络 610205:软件技术:软件',
    master: '0812:计算机科学与技术:计科 0835:软件工程:软工',
  },
  {
    match: /信息|电子|电气/,
    bachelor:
      '080701:电子信息工程:电信 080703:通信工程:通信 080901:计算机科学与技术:计科 080801:自动化:自动化 080601:电气工程及其自动化:电气',
    diploma: '610201:计算机应用技术:计应 610202:计算机网络技术:网络 610101:电子信息工程技术:电信',
    master: '0810:信息与通信工程:信通 0812:计算机科学与技术:计科 0811:控制科学与工程:控制',
  },
  { match: /草/, bachelor: '090701:草业科学:草业 090301:动物科学:动科', master: '0909:草学:草学' },
  { match: /茶/, bachelor: '090107T:茶学:茶学 082701:食品科学与工程:食品', master: '0902:园艺学:园艺' },
  {
    match: /动物|兽/,
    bachelor: '090301:动物科学:动科 090401:动物医学:动医 090601:水产养殖学:水产',
    diploma: '510301:畜牧兽医:牧医 510302:动物医学:动医',
    master: '0905:畜牧学:畜牧 0906:兽医学:兽医',
  },
  {
    match: /农/,
    bachelor:
      '090101:农学:农学 090102:园艺:园艺 090103:植物保护:植保 090105:种子科学与工程:种子 090201:农业资源与环境:农资',
    diploma: '510101:作物生产技术:作物 510107:园艺技术:园艺 510104:现代农业技术:现农',
    master: '0901:作物学:作物 0902:园艺学:园艺 0904:植物保护:植保',
  },
  {
    match: /林/,
    bachelor: '090501:林学:林学 090502:园林:园林 082504:环境生态工程:环生',
    diploma: '510201:林业技术:林技 510202:园林技术:园林 510203:森林资源保护:森保',
    master: '0907:林学:林学',
  },
  {
    match: /临床|医学|华西|医药/,
    bachelor: '100201K:临床医学:临床 100203TK:医学影像学:影像 100202TK:麻醉学:麻醉 100301K:口腔医学:口腔',
    diploma: '620101K:临床医学:临床 620201:护理:护理 620301:药学:药学',
    master: '1002:临床医学:临床 1004:公共卫生与预防医学:公卫',
  },
  { match: /护理/, bachelor: '101101:护理学:护理', diploma: '620201:护理:护理', master: '1011:护理学:护理' },
  {
    match: /公共卫生/,
    bachelor: '100401K:预防医学:预防 120401:公共事业管理:公管',
    master: '1004:公共卫生与预防医学:公卫 1204:公共管理:公管',
  },
  {
    match: /药/,
    bachelor: '100701:药学:药学 100703TK:临床药学:临药 100702:药物制剂:制剂',
    diploma: '620301:药学:药学',
    master: '1007:药学:药学',
  },
  {
    match: /交通运输|物流/,
    bachelor: '081801:交通运输:交运 081802:交通工程:交工 120601:物流管理:物流',
    diploma: '630903:物流管理:物流',
    master: '0823:交通运输工程:交运',
  },
  {
    match: /道路|桥梁|公路/,
    bachelor: '081006T:道路桥梁与渡河工程:道桥 081001:土木工程:土木',
    diploma: '540301:建筑工程技术:建工 540502:工程造价:造价 600203:道路养护与管理:养护',
    master: '0814:土木工程:土木',
  },
  {
    match: /土木|建筑/,
    bachelor: '081001:土木工程:土木 082801:建筑学:建筑 120103:工程管理:工管 081006T:道路桥梁与渡河工程:道桥',
    diploma: '540301:建筑工程技术:建工 540502:工程造价:造价',
    master: '0814:土木工程:土木 0813:建筑学:建筑',
  },
  {
    match: /汽车/,
    bachelor: '080207:车辆工程:车辆',
    diploma: '560702:汽车检测与维修技术:汽修 560707:新能源汽车技术:新能源 630702:汽车营销与服务:汽营',
    master: '0802:机械工程:机械',
  },
  {
    match: /机械|机电/,
    bachelor: '080202:机械设计制造及其自动化:机制 080204:机械电子工程:机电 080207:车辆工程:车辆',
    diploma: '560301:机电一体化技术:机电 560302:电气自动化技术:电气 560103:数控技术:数控',
    master: '0802:机械工程:机械',
  },
  {
    match: /冶金|能源/,
    bachelor: '080404:冶金工程:冶金 080501:能源与动力工程:能动 080503T:新能源科学与工程:新能源',
    master: '0806:冶金工程:冶金 0807:动力工程及工程热物理:动力',
  },
  {
    match: /矿/,
    bachelor: '081501:采矿工程:采矿 082901:安全工程:安全 081503:矿物加工工程:矿加 081401:地质工程:地质',
    master: '0819:矿业工程:矿业 0837:安全科学与工程:安全',
  },
  {
    match: /化学|化工/,
    bachelor: '070301:化学:化学 070302:应用化学:应化 081301:化学工程与工艺:化工 071002:生物技术:生技',
    master: '0703:化学:化学 0817:化学工程与技术:化工',
  },
  {
    match: /生命|生物/,
    bachelor: '071001:生物科学:生科 071002:生物技术:生技 071004:生态学:生态',
    master: '0710:生物学:生物',
  },
  {
    match: /地理|环境/,
    bachelor:
      '070501:地理科学:地科 070503:人文地理与城乡规划:人地 082503:环境科学:环科 070504:地理信息科学:地信',
    master: '0705:地理学:地理',
  },
  {
    match: /数学|^理学院/,
    bachelor: '070101:数学与应用数学:数学 070102:信息与计算科学:信计 071201:统计学:统计 070201:物理学:物理',
    master: '0701:数学:数学 0714:统计学:统计',
  },
  {
    match: /岭南|经济|商|财经|贸易/,
    bachelor:
      '020101:经济学:经济 020401:国际经济与贸易:国贸 020301K:金融学:金融 120203K:会计学:会计 120201K:工商管理:工商 120202:市场营销:营销 120204:财务管理:财管',
    diploma: '630302:会计:会计 630701:市场营销:营销 630801:电子商务:电商 630903:物流管理:物流',
    master: '0202:应用经济学:应经 1202:工商管理:工商 0201:理论经济学:理经',
  },
  {
    match: /管理/,
    bachelor: '120201K:工商管理:工商 120402:行政管理:行管 120401:公共事业管理:公管 120204:财务管理:财管',
    diploma: '630302:会计:会计 630903:物流管理:物流 630701:市场营销:营销',
    master: '1204:公共管理:公管 1202:工商管理:工商',
  },
  {
    match: /教育|师范|教师/,
    bachelor: '040101:教育学:教育 040107:小学教育:小教 040106:学前教育:学前 071102:应用心理学:心理',
    diploma: '670102K:学前教育:学前 670103K:小学教育:小教',
    master: '0401:教育学:教育 0402:心理学:心理',
  },
  {
    match: /传媒|新闻/,
    bachelor: '050301:新闻学:新闻 050302:广播电视学:广电 050306T:网络与新媒体:新媒体 050303:广告学:广告',
    master: '0503:新闻传播学:新传',
  },
  {
    match: /外国语/,
    bachelor: '050201:英语:英语 050207:日语:日语 050261:翻译:翻译 050262:商务英语:商英',
    master: '0502:外国语言文学:外语',
  },
  {
    match: /民族|彝|社会/,
    bachelor:
      '030401:民族学:民族 030301:社会学:社会 030302:社会工作:社工 050104:中国少数民族语言文学:民语 060101:历史学:历史',
    master: '0304:民族学:民族 0303:社会学:社会',
  },
  {
    match: /文|中国语言|史/,
    bachelor: '050101:汉语言文学:汉语言 050107T:秘书学:秘书 060101:历史学:历史 050301:新闻学:新闻',
    master: '0501:中国语言文学:中文 0602:中国史:历史',
  },
  {
    match: /理工/,
    bachelor: '080901:计算机科学与技术:计科 081001:土木工程:土木 080202:机械设计制造及其自动化:机制',
    master: '0812:计算机科学与技术:计科 0814:土木工程:土木',
  },
];

const FALLBACK: TGroup = {
  match: /.*/,
  bachelor: '050101:汉语言文学:汉语言 120201K:工商管理:工商 080901:计算机科学与技术:计科',
  diploma: '630302:会计:会计 610201:计算机应用技术:计应',
  master: '0501:中国语言文学:中文 1202:工商管理:工商',
};

const parseMajors = (spec: string): TMajor[] =>
  spec.split(' ').map((entry) => {
    const [code, name, abbr] = entry.split(':');
    return { code: code!, name: name!, abbr: abbr! };
  });

const cache = new Map<string, TMajor[]>();

/**
 * The majors a college of that name teaches at a level, most common first. A college with no diploma (or
 * master's) programme of its own borrows the fallback's, so every level always has a major.
 */
export function majorsFor(collegeName: string, level: TLevel): TMajor[] {
  const key = `${collegeName}|${level}`;
  let majors = cache.get(key);
  if (!majors) {
    majors = parseMajors(specFor(collegeName, level));
    cache.set(key, majors);
  }
  return majors;
}

function specFor(collegeName: string, level: TLevel): string {
  const group = GROUPS.find((g) => g.match.test(collegeName)) ?? FALLBACK;
  return level === '本科'
    ? group.bachelor
    : level === '专科'
      ? (group.diploma ?? FALLBACK.diploma!)
      : (group.master ?? FALLBACK.master!);
}
