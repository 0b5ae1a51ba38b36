import type { TEmployerSize, TEmployerTag } from '../../domain/opportunities/codes.ts';

/*
 * The demo's employers and the titles of their posts. Names are invented (marked 示例) but shaped like real
 * ones: Guizhou firms, 东西部协作 partners in 广东, 浙江, 江苏, 山东 and 上海, and a few in the other focus provinces.
 */

export type TDemoEmployer = {
  /** an existing demo org (reference/demo/employers.csv), or a new one */
  orgCode?: string;
  name: string;
  region: string;
  /** GB/T 4754 section */
  industry: string;
  natureCode: string;
  size: TEmployerSize;
  tags: TEmployerTag[];
  /** the credit code's first two characters: 91 company, 93 cooperative, 12 public institution */
  prefix?: string;
  status?: 'pending' | 'rejected';
};

const e = (
  name: string,
  region: string,
  industry: string,
  natureCode: string,
  size: TEmployerSize,
  tags: TEmployerTag[],
  extra: Partial<TDemoEmployer> = {},
): TDemoEmployer => ({ name, region, industry, natureCode, size, tags, ...extra });

export const DEMO_EMPLOYERS: TDemoEmployer[] = [
  e('贵州黔程数字科技有限公司（示例）', '520100', 'I', '39', 'medium', ['alumni', 'industry_partner'], {
    orgCode: 'E-91520100MA6DEMO01X',
  }),
  e('深圳湾区智能制造有限公司（示例）', '440300', 'C', '39', 'large', ['east_west_partner'], {
    orgCode: 'E-91440300MA5DEMO02X',
  }),
  e('云岭绿色农业发展有限公司（示例）', '530100', 'A', '39', 'medium', ['industry_partner'], {
    orgCode: 'E-91530100MA6DEMO03X',
  }),
  e('贵州山地大数据服务有限公司（示例）', '520100', 'I', '39', 'medium', ['alumni']),
  e('贵阳筑城建设工程有限公司（示例）', '520100', 'E', '31', 'large', ['state_owned']),
  e('中铁建黔中工程有限公司（示例）', '520100', 'E', '31', 'large', ['state_owned', 'industry_partner']),
  e('贵州省交通规划勘察设计研究院（示例）', '520100', 'M', '20', 'large', ['state_owned'], { prefix: '12' }),
  e('贵州医科大学附属医院（示例）', '520100', 'Q', '23', 'large', ['industry_partner'], { prefix: '12' }),
  e('遵义红城酒业有限公司（示例）', '520300', 'C', '39', 'large', ['industry_partner']),
  e('遵义黔北茶业有限公司（示例）', '520300', 'A', '39', 'small', ['alumni']),
  e('六盘水凉都能源有限公司（示例）', '520200', 'D', '31', 'large', ['state_owned']),
  e('毕节乌蒙山农产品有限公司（示例）', '520500', 'A', '39', 'small', ['industry_partner']),
  e('威宁高原蔬菜专业合作社（示例）', '520526', 'A', '39', 'micro', [], { prefix: '93' }),
  e('贵州农商银行威宁支行（示例）', '520526', 'J', '31', 'medium', ['state_owned']),
  e('铜仁梵净山文旅集团有限公司（示例）', '520600', 'R', '31', 'medium', ['state_owned']),
  e('黔东南苗绣文化传播有限公司（示例）', '522600', 'R', '39', 'micro', ['alumni']),
  e('广州穗智软件科技有限公司（示例）', '440100', 'I', '39', 'medium', ['east_west_partner']),
  e('广州白云物流集团有限公司（示例）', '440100', 'G', '31', 'large', ['east_west_partner', 'state_owned']),
  e('深圳鹏城电子有限公司（示例）', '440300', 'C', '39', 'large', ['east_west_partner']),
  e('佛山顺德家电制造有限公司（示例）', '440600', 'C', '39', 'large', ['east_west_partner']),
  e('东莞松湖精密模具有限公司（示例）', '441900', 'C', '39', 'medium', ['east_west_partner']),
  e('珠海横琴商务服务有限公司（示例）', '440400', 'L', '39', 'small', ['east_west_partner']),
  e('中山小榄照明电器有限公司（示例）', '442000', 'C', '39', 'medium', ['east_west_partner']),
  e('杭州西溪电子商务有限公司（示例）', '330100', 'F', '39', 'medium', ['east_west_partner']),
  e('杭州钱塘智慧医疗科技有限公司（示例）', '330100', 'I', '39', 'small', ['east_west_partner', 'alumni']),
  e('宁波北仑港口服务有限公司（示例）', '330200', 'G', '31', 'large', ['east_west_partner', 'state_owned']),
  e('苏州工业园区纳米科技有限公司（示例）', '320500', 'C', '39', 'medium', ['east_west_partner']),
  e('青岛海湾家电有限公司（示例）', '370200', 'C', '39', 'large', ['east_west_partner']),
  e('上海浦江金融信息服务有限公司（示例）', '310000', 'J', '32', 'medium', ['east_west_partner']),
  e('成都天府软件园科技有限公司（示例）', '510100', 'I', '39', 'medium', ['alumni']),
  e('南宁东盟商贸有限公司（示例）', '450100', 'F', '39', 'small', []),
  e('昆明滇池生物医药有限公司（示例）', '530100', 'C', '39', 'medium', ['industry_partner']),
  e('凉山彝州现代农业有限公司（示例）', '513400', 'A', '31', 'medium', ['state_owned']),
  e('贵州新锐教育咨询有限公司（示例）', '520100', 'P', '39', 'micro', [], { status: 'pending' }),
  e('黔中人力资源服务有限公司（示例）', '520100', 'L', '39', 'micro', [], { status: 'rejected' }),
];

/** The pending employer's account: shows an employer waiting for review. */
export const PENDING_EMPLOYER_USER = { username: 'employer_pending', displayName: '新锐教育（待审核）' };

/** Job titles per industry, with the majors they accept (code prefixes; empty = 不限) and minimum level. */
export const JOB_TITLES: Record<
  string,
  { title: string; majors: string[]; level: '专科' | '本科' | null }[]
> = {
  I: [
    { title: '软件开发工程师', majors: ['0809', '6102'], level: '专科' },
    { title: '前端开发工程师', majors: ['0809', '6102'], level: '专科' },
    { title: '软件测试工程师', majors: ['0809', '0807', '6102'], level: '专科' },
    { title: '大数据开发工程师', majors: ['0809', '0712'], level: '本科' },
    { title: '运维工程师', majors: ['0809', '0807', '6101', '6102'], level: '专科' },
    { title: '技术支持工程师', majors: [], level: '专科' },
  ],
  C: [
    { title: '生产技术员', majors: ['08', '56'], level: '专科' },
    { title: '质量检验员', majors: ['08', '56', '59'], level: '专科' },
    { title: '设备维护技术员', majors: ['0802', '0806', '56'], level: '专科' },
    { title: '工艺工程师', majors: ['0802', '0804', '0813'], level: '本科' },
    { title: '电气工程师', majors: ['0806', '0808'], level: '本科' },
  ],
  A: [
    { title: '农业技术员', majors: ['09', '51'], level: '专科' },
    { title: '种植技术指导员', majors: ['0901', '51'], level: '专科' },
    { title: '畜牧技术员', majors: ['0903', '0904', '5103'], level: '专科' },
    { title: '农产品质量检测员', majors: ['09', '0827', '51'], level: '专科' },
  ],
  E: [
    { title: '施工员', majors: ['0810', '54'], level: '专科' },
    { title: '造价员', majors: ['1201', '0810', '54'], level: '专科' },
    { title: '测量员', majors: ['0812', '0810', '54'], level: '专科' },
  ],
  G: [
    { title: '物流专员', majors: [], level: '专科' },
    { title: '仓储管理员', majors: [], level: '专科' },
    { title: '调度员', majors: ['1206', '60'], level: '专科' },
  ],
  F: [
    { title: '电商运营专员', majors: [], level: '专科' },
    { title: '客户服务专员', majors: [], level: null },
    { title: '销售代表', majors: [], level: null },
  ],
  D: [
    { title: '电力运维技术员', majors: ['0806', '53'], level: '专科' },
    { title: '安全员', majors: ['0829', '0815', '53'], level: '专科' },
  ],
  R: [
    { title: '文旅策划专员', majors: ['1209', '64', '0503'], level: '专科' },
    { title: '新媒体运营', majors: [], level: '专科' },
  ],
  M: [
    { title: '道路设计助理工程师', majors: ['0810', '0818'], level: '本科' },
    { title: '测绘技术员', majors: ['0812', '54'], level: '专科' },
  ],
  Q: [
    { title: '护士', majors: ['1011', '6202'], level: '专科' },
    { title: '药剂员', majors: ['1007', '6203'], level: '专科' },
  ],
  J: [
    { title: '综合柜员', majors: ['02', '12', '63'], level: '专科' },
    { title: '客户经理', majors: ['02', '12'], level: '本科' },
  ],
  L: [
    { title: '行政助理', majors: [], level: '专科' },
    { title: '人力资源专员', majors: ['1202'], level: '本科' },
  ],
  P: [{ title: '课程顾问', majors: ['04'], level: '专科' }],
};

export const TEGANG_SUBJECTS = [
  '小学语文',
  '小学数学',
  '初中英语',
  '初中数学',
  '小学音乐',
  '初中体育',
  '初中物理',
];
export const SANZHI_KINDS = ['支农', '支教', '支医', '乡村振兴'];
export const WESTERN_KINDS = ['基础教育', '服务三农', '医疗卫生', '基层社会管理'];
export const RESEARCH_TEAMS: { org: string; team: string; majors: string[] }[] = [
  { org: 'U-10657', team: '喀斯特山地生态实验室', majors: ['0710', '0713', '09'] },
  { org: 'U-10657', team: '大数据与智能计算团队', majors: ['0809', '0812', '0701'] },
  { org: 'U-10657', team: '植物保护研究所', majors: ['0901', '0904'] },
  { org: 'U-10660', team: '公共卫生学院流行病学课题组', majors: ['1004', '1002'] },
  { org: 'U-10663', team: '教育大数据研究中心', majors: ['04', '0809'] },
];
export const TRAINING_TITLES = [
  '电子商务技能培训班',
  '农村实用技术培训班',
  '养老护理员培训班',
  '直播带货技能培训',
  '中式烹调师培训',
];
