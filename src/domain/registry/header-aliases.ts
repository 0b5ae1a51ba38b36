import type { TRegistryField, TRosterField } from './fields.ts';

/**
 * Header variants seen in real uploads, per field. Matching is exact after `normalizeHeader`, so notes in
 * brackets ("身份证号（必填）"), spaces, colons, asterisks, case and full-width forms need no entries of their own.
 *
 * Deliberately absent:
 * - 考生号: the 高考 candidate number, a different identifier from 学号 that rosters often carry next to it.
 * - 户主姓名 / 户主身份证号: registry extracts list the head of household beside each member; mapping those
 *   would match the graduate's parent instead of the graduate.
 * - a bare "id": in English exports it is usually a database key, not the ID-card number.
 */
const ID_NUMBER = [
  '身份证号',
  '身份证号码',
  '公民身份号码',
  '公民身份证号码',
  '身份证件号码',
  '证件号码',
  '身份证',
  '证件号',
  'id number',
  'id no',
  'id card',
  'id card number',
  'id card no',
  'identity number',
  'identity card number',
  'citizen id',
];

export const ROSTER_HEADER_ALIASES: Record<TRosterField, readonly string[]> = {
  name: ['姓名', '学生姓名', '考生姓名', '毕业生姓名', 'name', 'full name', 'student name'],
  idNumber: ID_NUMBER,
  gender: ['性别', 'gender', 'sex'],
  ethnicity: ['民族', 'ethnicity', 'ethnic group'],
  birthDate: ['出生日期', '出生年月', '出生年月日', 'birth date', 'date of birth', 'birthday', 'dob'],
  studentNo: ['学号', 'student no', 'student number', 'student id'],
  college: ['院系', '学院', '所在院系', '院系名称', '学院名称', 'college', 'faculty', 'department'],
  className: ['班级', '班级名称', 'class', 'class name'],
  majorCode: ['专业代码', 'major code'],
  majorName: ['专业', '专业名称', 'major', 'major name'],
  level: ['学历', '学历层次', '培养层次', 'level', 'education level', 'degree level'],
  domicileCode: [
    '生源地代码',
    '生源所在地代码',
    '生源地区代码',
    '生源地区划代码',
    'domicile code',
    'origin code',
  ],
  domicileName: [
    '生源地',
    '生源所在地',
    '生源地区',
    '户籍所在地',
    '生源地名称',
    'domicile',
    'place of origin',
  ],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '联系电话',
    '联系方式',
    'phone',
    'mobile',
    'mobile phone',
    'phone number',
    'mobile number',
    'telephone',
    'tel',
  ],
  difficultyCode: [
    '困难生类别',
    '困难类别',
    '困难生类别代码',
    'difficulty',
    'difficulty category',
    'difficulty code',
  ],
  universityCode: ['院校代码', '学校代码', 'university code', 'school code', 'institution code'],
  cohort: ['毕业年份', '届别', '毕业届别', 'cohort', 'graduation year', 'year of graduation'],
};

export const REGISTRY_HEADER_ALIASES: Record<TRegistryField, readonly string[]> = {
  name: ['姓名', '成员姓名', 'name', 'full name'],
  idNumber: ID_NUMBER,
  countyCode: ['所在县代码', '县代码', '行政区划代码', '县级代码', 'county code', 'region code'],
  // "县(市、区)" normalises to "县"
  countyName: ['所在县', '县', '县名称', '区县', 'county', 'county name'],
  householdRef: ['户编号', '户码', 'household no', 'household number', 'household ref', 'household id'],
  exitYear: ['脱贫年度', '脱贫年份', 'exit year', 'year out of poverty'],
};
