import { declaredTypeFits, detectUploadType } from './upload-content-type';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n');

describe('detectUploadType', () => {
  it('recognises PDF, PNG and JPEG by their first bytes', () => {
    expect(detectUploadType(PDF)).toBe('application/pdf');
    expect(detectUploadType(PNG)).toBe('image/png');
    expect(detectUploadType(JPEG)).toBe('image/jpeg');
  });

  it('refuses everything else, however it is named', () => {
    expect(detectUploadType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    expect(detectUploadType(Buffer.from('GIF89a'))).toBeNull();
    expect(detectUploadType(Buffer.from('PK\u0003\u0004'))).toBeNull();
    // A signature that only starts later, or is cut short, is not the signature.
    expect(detectUploadType(Buffer.concat([Buffer.from(' '), PDF]))).toBeNull();
    expect(detectUploadType(PNG.subarray(0, 7))).toBeNull();
    expect(detectUploadType(Buffer.alloc(0))).toBeNull();
  });
});

describe('declaredTypeFits', () => {
  it('accepts the detected type, its aliases, and "unknown"', () => {
    expect(declaredTypeFits('image/png', 'image/png')).toBe(true);
    expect(declaredTypeFits('IMAGE/JPG', 'image/jpeg')).toBe(true);
    expect(declaredTypeFits('application/pdf; name="x.pdf"', 'application/pdf')).toBe(true);
    expect(declaredTypeFits('application/octet-stream', 'application/pdf')).toBe(true);
    expect(declaredTypeFits('', 'image/png')).toBe(true);
  });

  it('refuses a declared type that names something else', () => {
    expect(declaredTypeFits('application/pdf', 'image/png')).toBe(false);
    expect(declaredTypeFits('text/html', 'image/png')).toBe(false);
    expect(declaredTypeFits('image/svg+xml', 'image/png')).toBe(false);
  });
});
