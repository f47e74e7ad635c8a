// For tests: a password-protected .xlsx as Excel saves it: not a ZIP but an OLE (CFB) container holding an
// EncryptionInfo stream (how the package is encrypted, [MS-OFFCRYPTO] 2.3.4) and the
// EncryptedPackage stream. SheetJS community cannot write encrypted files, so the container is
// built here with its CFB utilities: 'agile' is what Excel 2010 and later write, 'standard' what
// Excel 2007 wrote. The encrypted bytes are filler: nobody can open the file without the password.
import * as XLSX from '@e965/xlsx';

const utf16 = (text: string) => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
  return bytes;
};

const le32 = (...values: number[]) => new Uint8Array(Uint32Array.from(values).buffer);

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

const AGILE_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" ' +
  'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
  '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" ' +
  'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/>' +
  '<dataIntegrity encryptedHmacKey="AAAA" encryptedHmacValue="AAAA"/>' +
  '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">' +
  '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" ' +
  'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" ' +
  'saltValue="AAAAAAAAAAAAAAAAAAAAAA==" encryptedVerifierHashInput="AAAA" ' +
  'encryptedVerifierHashValue="AAAA" encryptedKeyValue="AAAA"/></keyEncryptor></keyEncryptors></encryption>';

const encryptionInfo = (kind: 'agile' | 'standard'): Uint8Array => {
  if (kind === 'agile') {
    // Version 4.4, reserved 0x40, then the XML descriptor.
    return concat(new Uint8Array([4, 0, 4, 0]), le32(0x40), new TextEncoder().encode(AGILE_XML));
  }
  // Version 3.2; flags fCryptoAPI | fAES; the header (AES-128, SHA-1, the AES provider); the verifier.
  const header = concat(
    le32(0x24, 0, 0x660e, 0x8004, 128, 0x18, 0, 0),
    utf16('Microsoft Enhanced RSA and AES Cryptographic Provider\0'),
  );
  const verifier = concat(le32(16), new Uint8Array(16), new Uint8Array(16), le32(20), new Uint8Array(32));
  return concat(new Uint8Array([3, 0, 2, 0]), le32(0x24, header.length), header, verifier);
};

/** The bytes of a password-protected workbook (name it .xlsx). */
export const encryptedWorkbook = (kind: 'agile' | 'standard' = 'agile'): Uint8Array<ArrayBuffer> => {
  const container = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(container, '/EncryptionInfo', encryptionInfo(kind));
  // The package's size (8 bytes), then its encrypted bytes.
  const payload = new Uint8Array(4104);
  payload.set(le32(4096), 0);
  for (let i = 8; i < payload.length; i++) payload[i] = (i * 151) & 0xff;
  XLSX.CFB.utils.cfb_add(container, '/EncryptedPackage', payload);
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as number[]);
};
