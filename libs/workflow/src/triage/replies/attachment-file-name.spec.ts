import { attachmentFileName } from './attachment-file-name';

describe('attachmentFileName', () => {
  it('keeps an ordinary name', () => {
    expect(attachmentFileName('birth certificate.pdf', 'application/pdf')).toBe('birth certificate.pdf');
    expect(attachmentFileName('Geburtsurkunde Müller.JPEG', 'image/jpeg')).toBe('Geburtsurkunde Müller.JPEG');
  });

  it('drops path segments, control characters and leading dots', () => {
    expect(attachmentFileName('C:\\Users\\ada\\scan.png', 'image/png')).toBe('scan.png');
    expect(attachmentFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(attachmentFileName('a\r\nb\u202e.png', 'image/png')).toBe('ab.png');
    expect(attachmentFileName('.hidden.png', 'image/png')).toBe('hidden.png');
  });

  it('ends the name in the extension the bytes showed', () => {
    expect(attachmentFileName('photo.html', 'image/png')).toBe('photo.html.png');
    expect(attachmentFileName('', 'image/jpeg')).toBe('attachment.jpg');
    expect(attachmentFileName('.pdf', 'application/pdf')).toBe('pdf.pdf');
  });

  it('bounds the length', () => {
    const name = attachmentFileName(`${'x'.repeat(500)}.pdf`, 'application/pdf');
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
