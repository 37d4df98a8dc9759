import { createHtmlService } from '../../../emulator/services/spreadsheet';

const files: Record<string, string> = { Sidebar: '<div id="app"></div>' };
const service = createHtmlService((name) => files[name] ?? null);

describe('HtmlService', () => {
  it('creates output from a project file, with or without .html', () => {
    expect(service.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<div id="app"></div>');
    expect(service.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<div id="app"></div>');
  });

  it('fails for a missing file with Apps Script message', () => {
    expect(() => service.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  it('creates output from a string, a blob-like object or nothing', () => {
    expect(service.createHtmlOutput('<p>x</p>').getContent()).toBe('<p>x</p>');
    expect(service.createHtmlOutput({ getDataAsString: () => 'blob' }).getContent()).toBe('blob');
    expect(service.createHtmlOutput().getContent()).toBe('');
  });

  it('exposes the SandboxMode and XFrameOptionsMode enums', () => {
    expect(service.SandboxMode.IFRAME).toBe('IFRAME');
    expect(service.XFrameOptionsMode.ALLOWALL).toBe('ALLOWALL');
  });
});

describe('HtmlOutput', () => {
  it('keeps title, size and content', () => {
    const out = service.createHtmlOutput('a').setTitle('T').setWidth(300).setHeight(200).append('b');
    expect([out.getTitle(), out.getWidth(), out.getHeight(), out.getContent()]).toEqual([
      'T',
      300,
      200,
      'ab',
    ]);
    out.setContent('c');
    expect(out.getContent()).toBe('c');
    out.clear();
    expect(out.getContent()).toBe('');
  });

  it('escapes untrusted content', () => {
    expect(service.createHtmlOutput().appendUntrusted('<script>"x"</script>').getContent()).toBe(
      '&#60;script&#62;&#34;x&#34;&#60;/script&#62;',
    );
  });

  it('records sandbox, frame options and meta tags for the Ui', () => {
    const out = service
      .createHtmlOutput('x')
      .setSandboxMode(service.SandboxMode.IFRAME)
      .setXFrameOptionsMode(service.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getMetaTags().map((t) => [t.getName(), t.getContent()])).toEqual([
      ['viewport', 'width=device-width'],
    ]);
    expect(out._snapshot()).toMatchObject({
      sandboxMode: 'IFRAME',
      xFrameOptionsMode: 'ALLOWALL',
      metaTags: [{ name: 'viewport', content: 'width=device-width' }],
    });
  });
});
