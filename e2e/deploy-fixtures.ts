/**
 * The deploy journey's spreadsheets, as a university's clerk would fill them in Excel: the staff sheet (the
 * template's columns) and the 2020 roster of one college with two classes. Target graduates are domiciled in
 * 威宁 (520526, historically 522427), one of the 52 focus counties, which makes them targets without a registry
 * extract; the others are from 贵阳 districts, so the ledger's "exactly that class's targets" is a real check.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../src/domain/id-number.ts';

export type TDeployGraduate = { name: string; className: string; target: boolean; row: string[] };

export type TDeployFiles = {
  staff: string;
  roster: string;
  graduates: TDeployGraduate[];
  /** the class no counselor keeps after the staff import, assigned in the journey */
  openClass: string;
  /** the class 钱老师 keeps from the staff import */
  keptClass: string;
};

const COLLEGE = '计算机科学与技术学院';
const OPEN_CLASS = '计科2001班';
const KEPT_CLASS = '软件2002班';

function graduate(
  name: string,
  className: string,
  region: string,
  birth: string,
  sequence: number,
  target: boolean,
): TDeployGraduate {
  const idNumber = makeIdNumber(region, birth, sequence);
  // the 17th digit is odd for men; the roster's gender cell must agree with it. 生源地 is left blank for the
  // historical 威宁 code, as many 2020 rosters have it: the domicile comes from the ID prefix
  const gender = sequence % 2 === 1 ? '男' : '女';
  const domicile = region === '522427' ? '' : region;
  const major = className.startsWith('计科') ? '计算机科学与技术' : '软件工程';
  return {
    name,
    className,
    target,
    row: [name, idNumber, gender, '本科', COLLEGE, className, major, domicile],
  };
}

const GRADUATES: TDeployGraduate[] = [
  graduate('龙雨涵', OPEN_CLASS, '522427', '19990305', 12, true),
  graduate('杨光明', OPEN_CLASS, '520526', '19981120', 31, true),
  graduate('陈思远', OPEN_CLASS, '520102', '19990618', 55, false),
  graduate('王小芳', KEPT_CLASS, '522427', '19990911', 44, true),
  graduate('刘浩然', KEPT_CLASS, '520103', '19990101', 77, false),
];

async function writeSheet(file: string, sheetName: string, rows: string[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  // ID numbers and codes as text, the way a careful clerk formats the column (not Excel's General)
  sheet.columns.forEach((column) => {
    column.numFmt = '@';
    column.width = 20;
  });
  await workbook.xlsx.writeFile(file);
}

/** Write both workbooks into `dir` (the caller removes it). */
export async function writeDeployFiles(dir: string): Promise<TDeployFiles> {
  const staff = path.join(dir, '贵州大学教职工账户.xlsx');
  await writeSheet(staff, '账户', [
    ['用户名', '姓名', '手机号', '机构代码', '角色', '院系', '班级'],
    ['qian_laoshi', '钱老师', '13985100001', 'U-10657', '辅导员', COLLEGE, KEPT_CLASS],
    // 孙老师's sheet class has no graduates this year: the journey gives 孙老师 the class nobody keeps
    ['sun_laoshi', '孙老师', '13985100002', 'U-10657', '辅导员', COLLEGE, '计科2002班'],
  ]);
  const roster = path.join(dir, '贵州大学2020届毕业生生源信息.xlsx');
  await writeSheet(roster, '生源信息', [
    ['姓名', '身份证号码', '性别', '学历层次', '院系', '班级', '专业名称', '生源地代码'],
    ...GRADUATES.map((g) => g.row),
  ]);
  return { staff, roster, graduates: GRADUATES, openClass: OPEN_CLASS, keptClass: KEPT_CLASS };
}
