import { maskIdNumber, maskPhone } from '../../../domain/id-number.ts';
import type { TCellError, TRegistryRecord, TRosterRecord } from '../../../domain/registry/schemas.ts';
import type { TCrypto } from '../../crypto.ts';

/**
 * Keyed hash of a record's values in a fixed key order: equal records give equal fingerprints across runs, and
 * the HMAC keeps phones and ID numbers from being guessed from it.
 */
function fingerprintOf(crypto: TCrypto, record: Record<string, unknown>, extra: string): string {
  const keys = Object.keys(record).sort();
  return crypto.keyedHash(`${extra}\u0001${keys.map((k) => `${k}=${record[k] ?? ''}`).join('\u0001')}`);
}

export type TUniversity = { id: string; regionCode: string | null; colleges: Map<string, string> };

/**
 * The staged form of a valid roster row: plain ID number and phone replaced by ciphertext and a mask, the
 * university and college resolved to org ids, and a keyed fingerprint of the normalised values (so an
 * identical re-import is recognised without comparing plaintext).
 */
export function stageRosterRecord(crypto: TCrypto, r: TRosterRecord, university: TUniversity) {
  const { idNumber, phone, ...rest } = r;
  return {
    idHash: crypto.keyedHash(idNumber),
    fingerprint: fingerprintOf(crypto, r, university.id),
    record: {
      ...rest,
      idEncrypted: crypto.encrypt(idNumber),
      idMasked: maskIdNumber(idNumber),
      phoneEncrypted: phone ? crypto.encrypt(phone) : null,
      universityId: university.id,
      universityProvinceCode: university.regionCode ? `${university.regionCode.slice(0, 2)}0000` : null,
      collegeId: (r.college && university.colleges.get(r.college)) || null,
      provinceCode: r.domicileCode ? `${r.domicileCode.slice(0, 2)}0000` : null,
    },
  };
}

export function stageRegistryRecord(crypto: TCrypto, r: TRegistryRecord) {
  const { idNumber, name: _name, ...rest } = r;
  return {
    idHash: crypto.keyedHash(idNumber),
    fingerprint: fingerprintOf(crypto, r, ''),
    // the registry's names are not needed for matching: only the hash, county and household are kept
    record: { ...rest, idMasked: maskIdNumber(idNumber) },
  };
}

type TIssue = Pick<TCellError, 'field' | 'value' | 'message'> & {
  code: string;
  expected?: TCellError['expected'];
};

/** Runs of 7+ digits (and a final X) in a text: a full or mistyped ID number or phone quoted in a message. */
const NUMBER_RUN = /\d{7,}[\dXx]?/g;
const maskRuns = (text: string, mask: (s: string) => string) => text.replace(NUMBER_RUN, mask);

/**
 * Errors/warnings as stored: in ID and phone cells, the value and any number quoted in the messages are masked,
 * so staged rows never hold personal numbers in clear.
 */
export function storableErrors(errors: readonly TIssue[]) {
  return errors.map((e) => {
    const mask = e.field === 'idNumber' ? maskIdNumber : e.field === 'phone' ? maskPhone : null;
    if (!mask) return e;
    return {
      ...e,
      // only digit runs are masked: a mangled cell like 5.22427E+17 stays findable in the user's sheet
      value: maskRuns(e.value, mask),
      message: { zh: maskRuns(e.message.zh, mask), en: maskRuns(e.message.en, mask) },
    };
  });
}
