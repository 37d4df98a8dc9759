import {
  batchFolderName,
  cleanName,
  linkFolderName,
  slideFileName,
  variationFolderName,
} from '../../../src/server/drive/names';

describe('Drive layout names', () => {
  it('follow the documented layout', () => {
    expect(batchFolderName('2026-11-22 14.05')).toBe('TikTok Batch 2026-11-22 14.05');
    expect(linkFolderName(1, 'username')).toBe('Link_001_@username');
    expect(linkFolderName(42, '@already.at')).toBe('Link_042_@already.at');
    expect(linkFolderName(3, null)).toBe('Link_003');
    expect(variationFolderName(2)).toBe('variation_2');
    expect(slideFileName(0)).toBe('slide_0.jpg');
    expect(slideFileName(3, '.png')).toBe('slide_3.png');
  });

  it('are the same for the same input (a retry finds its earlier work)', () => {
    expect(linkFolderName(7, 'a b')).toBe(linkFolderName(7, 'a b'));
  });

  it('clean out control characters and slashes, and bound the length', () => {
    expect(cleanName(' a\u0000b/c\\d\n e ')).toBe('a b_c_d e');
    expect(cleanName('x'.repeat(300))).toHaveLength(120);
  });
});
