import { safeEntryPath, uniqueEntryPath } from './zip-entry-name';

describe('safeEntryPath', () => {
  it.each([
    ['avatars/42/photo.png', 'avatars/42/photo.png'],
    ['/etc/passwd', 'etc/passwd'],
    ['../../.ssh/authorized_keys', '.ssh/authorized_keys'],
    ['a/./b//c/../d', 'a/b/c/d'],
    ['..\\..\\windows\\system32', 'windows/system32'],
    ['C:/boot.ini', 'C_/boot.ini'],
    ['na\u0000me\n.txt', 'name.txt'],
    ['../..', 'unnamed'],
    ['', 'unnamed'],
  ])('%j → %j', (key, expected) => {
    expect(safeEntryPath(key)).toBe(expected);
  });
});

describe('uniqueEntryPath', () => {
  it('numbers names already taken, ignoring case', () => {
    const taken = new Set<string>();
    expect(uniqueEntryPath('m/files/a.png', taken)).toBe('m/files/a.png');
    expect(uniqueEntryPath('m/files/A.png', taken)).toBe('m/files/A (2).png');
    expect(uniqueEntryPath('m/files/a.png', taken)).toBe('m/files/a (3).png');
    expect(uniqueEntryPath('m/files/README', taken)).toBe('m/files/README');
    expect(uniqueEntryPath('m/files/README', taken)).toBe('m/files/README (2)');
    expect(uniqueEntryPath('m/files.d/README', taken)).toBe('m/files.d/README');
    expect(uniqueEntryPath('m/files.d/README', taken)).toBe('m/files.d/README (2)');
  });
});
