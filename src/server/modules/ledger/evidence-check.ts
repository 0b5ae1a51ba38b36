import { type EVIDENCE_TYPES, MAX_EVIDENCE_BYTES } from '../../../domain/api/portal.ts';
import { cleanFileName } from '../../../domain/file-name.ts';
import { AppError } from '../../errors.ts';

type TEvidenceType = (typeof EVIDENCE_TYPES)[number];

const EXTENSIONS: Record<TEvidenceType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** The type the first bytes say, whatever the name claims. */
export function sniffEvidenceType(head: Uint8Array): TEvidenceType | null {
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

/**
 * Accept a PDF, JPEG or PNG of at most 10 MB whose content is what its name says (checked by magic bytes, so
 * a renamed executable or document is refused). Returns the clean name and the sniffed type.
 */
export function checkEvidenceFile(name: string, content: Buffer): { name: string; mime: TEvidenceType } {
  if (content.length === 0) {
    throw new AppError('validation_error', '文件为空 / The file is empty', { code: 'file_empty' });
  }
  if (content.length > MAX_EVIDENCE_BYTES) throw fileTooLarge();
  const clean = cleanFileName(name);
  const ext = /\.([a-z0-9]+)$/i.exec(clean)?.[1]?.toLowerCase() ?? '';
  const mime = sniffEvidenceType(content.subarray(0, 8));
  if (!mime || !EXTENSIONS[mime].includes(ext)) {
    throw new AppError(
      'validation_error',
      '只能上传 PDF、JPG 或 PNG 文件 / Only PDF, JPG or PNG files can be uploaded',
      { code: 'file_type' },
    );
  }
  return { name: clean, mime };
}

export function fileTooLarge() {
  return new AppError(
    'validation_error',
    `文件超过 ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB 上限 / The file exceeds the ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB limit`,
    { code: 'file_too_large' },
  );
}
