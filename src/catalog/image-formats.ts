/**
 * The picture formats a report takes (report.md, "Photos: JPEG and PNG"), known by their first
 * bytes: a file's name is never trusted (phones save HEIC as .jpg). One sniffer for the checker
 * (`photo-missing` … `not-image`), the photo loader and the .docx's picture parts.
 */
import * as fs from 'node:fs';

export type ImageFormat = 'jpeg' | 'png';

/** Signatures: JPEG's SOI marker and first marker's 0xFF; PNG's eight-byte signature. */
const SIGNATURES: readonly { format: ImageFormat; bytes: readonly number[] }[] = [
  { format: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { format: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The longest signature: how many bytes of a file imageFormatOf needs. */
const IMAGE_SIGNATURE_BYTES = Math.max(...SIGNATURES.map((s) => s.bytes.length));

/** The format `head` (a file's first bytes) starts with, or null for anything else. */
export function imageFormatOf(head: Uint8Array): ImageFormat | null {
  const match = SIGNATURES.find((s) => head.length >= s.bytes.length && s.bytes.every((b, i) => head[i] === b));
  return match ? match.format : null;
}

/**
 * The format of the file at `file`, from its first bytes, read synchronously (so that a photo's
 * decoding can start at once). Throws the file system's error (ENOENT, EACCES, EISDIR …).
 */
export function imageFormatOfFile(file: string): ImageFormat | null {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(IMAGE_SIGNATURE_BYTES);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    return imageFormatOf(head.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
}
