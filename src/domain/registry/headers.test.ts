import { describe, expect, it } from 'vitest';
import { findHeaderRow, guessMapping, matchHeader, normalizeHeader, pickCells } from './headers.ts';

describe('normalizeHeader', () => {
  it('drops decoration people add to headers: notes, asterisks, colons, spaces, full-width forms, case', () => {
    expect(normalizeHeader(' 身份证号（必填） ')).toBe('身份证号');
    expect(normalizeHeader('*姓名：')).toBe('姓名');
    expect(normalizeHeader('身份证号\n【18位，文本格式】')).toBe('身份证号');
    expect(normalizeHeader('学历层次[研究生/本科/专科]')).toBe('学历层次');
    expect(normalizeHeader('ＩＤ　Ｎｕｍｂｅｒ')).toBe('idnumber');
    expect(normalizeHeader('Date_of-Birth')).toBe('dateofbirth');
    expect(normalizeHeader('\ufeff姓名')).toBe('姓名');
  });
});

describe('matchHeader', () => {
  it.each([
    ['身份证号', 'idNumber'],
    ['身份证号码', 'idNumber'],
    ['公民身份号码', 'idNumber'],
    ['证件号码', 'idNumber'],
    ['身份证', 'idNumber'],
    ['证件号', 'idNumber'],
    ['生源地', 'domicileName'],
    ['生源所在地', 'domicileName'],
    ['生源地区', 'domicileName'],
    ['户籍所在地', 'domicileName'],
    ['生源地代码', 'domicileCode'],
    ['生源所在地代码', 'domicileCode'],
    ['生源地区代码', 'domicileCode'],
    ['学历', 'level'],
    ['学历层次', 'level'],
    ['培养层次', 'level'],
    ['姓名', 'name'],
    ['学生姓名', 'name'],
    ['考生姓名', 'name'],
    ['性别', 'gender'],
    ['民族', 'ethnicity'],
    ['出生日期', 'birthDate'],
    ['出生年月', 'birthDate'],
    ['学号', 'studentNo'],
    ['院系', 'college'],
    ['学院', 'college'],
    ['所在院系', 'college'],
    ['班级', 'className'],
    ['班级名称', 'className'],
    ['专业', 'majorName'],
    ['专业名称', 'majorName'],
    ['专业代码', 'majorCode'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['手机号码', 'phone'],
    ['联系电话', 'phone'],
    ['联系方式', 'phone'],
    ['困难生类别', 'difficultyCode'],
    ['困难类别', 'difficultyCode'],
    ['院校代码', 'universityCode'],
    ['学校代码', 'universityCode'],
    ['毕业年份', 'cohort'],
    ['届别', 'cohort'],
    ['毕业届别', 'cohort'],
  ])('roster: %s → %s', (header, field) => {
    expect(matchHeader('roster', header)).toBe(field);
  });

  it.each([
    ['证件号码', 'idNumber'],
    ['所在县代码', 'countyCode'],
    ['县代码', 'countyCode'],
    ['行政区划代码', 'countyCode'],
    ['县（市、区）', 'countyName'],
    ['户编号', 'householdRef'],
    ['户码', 'householdRef'],
    ['脱贫年度', 'exitYear'],
    ['脱贫年份', 'exitYear'],
  ])('registry: %s → %s', (header, field) => {
    expect(matchHeader('registry', header)).toBe(field);
  });

  it('leaves look-alikes that are different data unmapped: 考生号, the head of household, a bare "id"', () => {
    expect(matchHeader('roster', '考生号')).toBeNull();
    expect(matchHeader('registry', '户主姓名')).toBeNull();
    expect(matchHeader('registry', '户主身份证号')).toBeNull();
    expect(matchHeader('roster', 'id')).toBeNull();
    expect(matchHeader('roster', '')).toBeNull();
  });
});

describe('guessMapping', () => {
  it('maps a real-world Chinese header row and lists the columns it does not know', () => {
    const headers = [
      '序号',
      '姓名',
      '身份证号码（必填）',
      '性别',
      '*学历层次',
      '生源所在地代码',
      '考生号',
      '',
      '手机号码：',
    ];
    expect(guessMapping('roster', headers)).toEqual({
      mapping: { name: 1, idNumber: 2, gender: 3, level: 4, domicileCode: 5, phone: 8 },
      unmapped: [0, 6],
      missingRequired: [],
      duplicates: [],
    });
  });

  it('maps a CSV header in English', () => {
    const headers = [
      'Name',
      'ID Number',
      'Gender',
      'Date of Birth',
      'Level',
      'Major',
      'Phone',
      'University Code',
    ];
    expect(guessMapping('roster', headers).mapping).toEqual({
      name: 0,
      idNumber: 1,
      gender: 2,
      birthDate: 3,
      level: 4,
      majorName: 5,
      phone: 6,
      universityCode: 7,
    });
  });

  it('reports a missing required column', () => {
    const result = guessMapping('roster', ['姓名', '身份证号', '专业']);
    expect(result.missingRequired).toEqual(['level']);
    expect(guessMapping('registry', ['姓名', '户编号']).missingRequired).toEqual(['idNumber']);
  });

  it('keeps the first of two columns naming the same field and reports both', () => {
    const result = guessMapping('roster', ['姓名', '身份证号', '学历', '证件号码']);
    expect(result.mapping.idNumber).toBe(1);
    expect(result.duplicates).toEqual([{ field: 'idNumber', columns: [1, 3] }]);
  });

  it("uses an organisation's saved template before the dictionary", () => {
    const result = guessMapping('roster', ['XM', 'SFZH', '学历', '姓名'], {
      template: { name: 'XM', idNumber: 'sfzh' },
    });
    expect(result.mapping).toEqual({ name: 0, idNumber: 1, level: 2 });
    expect(result.duplicates).toEqual([{ field: 'name', columns: [0, 3] }]);
  });
});

describe('findHeaderRow', () => {
  it('skips two title rows and a blank row above the header', () => {
    const rows = [
      ['XX大学2020届毕业生生源信息表', '', '', ''],
      ['填报单位：就业指导中心', '', '填报日期：2020-06-01', ''],
      ['', '', '', ''],
      ['姓名', '身份证号', '学历', '专业'],
      ['张三', '520526200001011234', '本科', '数学'],
    ];
    expect(findHeaderRow('roster', rows)).toBe(3);
  });

  it('accepts a header with three known columns even if a required one is missing', () => {
    expect(findHeaderRow('roster', [['标题'], ['姓名', '性别', '专业']])).toBe(1);
  });

  it('finds a registry header that names only the ID column', () => {
    expect(findHeaderRow('registry', [['建档立卡人员名单'], ['序号', '证件号码', '备注']])).toBe(1);
  });

  it('returns null when no row within maxScan is a header', () => {
    expect(findHeaderRow('roster', [['XX大学'], [], ['张三', '本科']])).toBeNull();
    expect(findHeaderRow('roster', [[], [], ['姓名', '身份证号', '学历']], 2)).toBeNull();
    expect(findHeaderRow('roster', [])).toBeNull();
  });
});

describe('pickCells', () => {
  it('takes the mapped cells of a data row', () => {
    expect(pickCells({ name: 1, idNumber: 2, level: 5 }, ['1', '张三', '520526200001011234'])).toEqual({
      name: '张三',
      idNumber: '520526200001011234',
    });
  });
});
