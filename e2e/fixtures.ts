/**
 * Files the import journeys upload, written to a temp folder the way a clerk's spreadsheet export would look.
 * The people are new: born in 1990, when no demo graduate of the 2020 cohort is (they are born 1996–2001), and
 * the demo seed is deterministic, so a run that passes once does not collide later either.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeIdNumber, maskIdNumber } from '../src/domain/id-number.ts';

export type TPerson = { name: string; idNumber: string; masked: string; gender: '男' | '女' };

function person(name: string, region: string, birth: string, sequence: number): TPerson {
  const idNumber = makeIdNumber(region, birth, sequence);
  return {
    name,
    idNumber,
    masked: maskIdNumber(idNumber),
    // the 17th digit is odd for men; the roster's gender cell must agree with it
    gender: sequence % 2 === 1 ? '男' : '女',
  };
}

/** Domiciled in 威宁 (520526, a focus county), current code in the ID and in the 生源地 column. */
export const FIRST = person('端木青禾', '520526', '19900214', 917);
/**
 * Born in 威宁 under its historical code 522427 and with no 生源地 cell, as many 2020 rosters have it: the
 * domicile comes from the ID prefix through the alias table.
 */
export const SECOND = person('皇甫知远', '522427', '19900307', 928);
/** What Excel makes of an 18-digit ID in a General-formatted cell. */
export const SCIENTIFIC_ID = '5.22427E+17';

const ROSTER_HEADER = ['姓名', '身份证号码', '性别', '学历层次', '院系', '班级', '专业名称', '生源地代码'];

function csv(rows: string[][]): string {
  return `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
}

export type TImportFiles = {
  /** header + FIRST, SECOND, and a row whose ID Excel mangled (file row 4) */
  roster: string;
  /** the 建档立卡 extract naming SECOND */
  registry: string;
  remove: () => void;
};

export function writeImportFiles(): TImportFiles {
  const dir = mkdtempSync(path.join(tmpdir(), 'bangfu-e2e-files-'));
  const roster = path.join(dir, '贵州大学2020届毕业生生源信息.csv');
  writeFileSync(
    roster,
    csv([
      ROSTER_HEADER,
      [
        FIRST.name,
        FIRST.idNumber,
        FIRST.gender,
        '本科',
        '计算机科学与技术学院',
        '计科2003班',
        '计算机科学与技术',
        '520526',
      ],
      [
        SECOND.name,
        SECOND.idNumber,
        SECOND.gender,
        '本科',
        '计算机科学与技术学院',
        '计科2003班',
        '软件工程',
        '',
      ],
      ['聂小勇', SCIENTIFIC_ID, '男', '本科', '计算机科学与技术学院', '计科2003班', '软件工程', '520526'],
    ]),
    'utf8',
  );
  const registry = path.join(dir, '贵州省建档立卡人员名单（摘录）.csv');
  writeFileSync(
    registry,
    csv([
      ['身份证号', '所在县代码', '户编号'],
      [SECOND.idNumber, '520526', '520526107000318'],
    ]),
    'utf8',
  );
  return { roster, registry, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
