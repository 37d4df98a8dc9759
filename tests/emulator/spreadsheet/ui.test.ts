import { createHtmlService } from '../../../emulator/services/spreadsheet';
import { setup, SS_ID } from './setup';

const html = createHtmlService(() => null);

describe('Ui menus', () => {
  it('records menus with items, separators and sub-menus', () => {
    const { app, store } = setup();
    const ui = app.getUi();
    ui.createMenu('Slideshows')
      .addItem('Open sidebar', 'showSidebar')
      .addSeparator()
      .addSubMenu(ui.createMenu('Advanced').addItem('Reset', 'resetAll'))
      .addToUi();
    expect(store.ui(SS_ID).menus).toEqual([
      {
        title: 'Slideshows',
        addon: false,
        items: [
          { caption: 'Open sidebar', functionName: 'showSidebar' },
          { separator: true },
          { caption: 'Advanced', items: [{ caption: 'Reset', functionName: 'resetAll' }] },
        ],
      },
    ]);
  });

  it('titles the add-on menu with the add-on name and replaces a menu added again', () => {
    const { app, store } = setup({ addonMenuTitle: 'TikTok Batch' });
    app.getUi().createAddonMenu().addItem('Start', 'start').addToUi();
    app.getUi().createAddonMenu().addItem('Start', 'start').addItem('Help', 'help').addToUi();
    const menus = store.ui(SS_ID).menus;
    expect(menus).toHaveLength(1);
    expect(menus[0]).toMatchObject({ title: 'TikTok Batch', addon: true });
    expect(menus[0]?.items).toHaveLength(2);
  });

  it('uses "Add-on" as the default add-on menu title', () => {
    const { app, store } = setup();
    app.getUi().createAddonMenu().addToUi();
    expect(store.ui(SS_ID).menus[0]?.title).toBe('Add-on');
  });

  it('does not record a menu until addToUi', () => {
    const { app, store } = setup();
    app.getUi().createMenu('Draft').addItem('x', 'x');
    expect(store.ui(SS_ID).menus).toEqual([]);
  });
});

describe('Ui availability', () => {
  it('throws from getUi when the execution has no user interface', () => {
    let available = false;
    const { app } = setup({ isUiAvailable: () => available });
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    available = true;
    expect(app.getUi().createMenu('m')).toBeDefined();
  });

  it('throws from getUi in a script bound to no spreadsheet', () => {
    const { app, env } = setup();
    env.execution = { ...env.execution, spreadsheetId: null };
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('Ui sidebars and dialogs', () => {
  it('records the shown sidebar with its title and html', () => {
    const { app, store } = setup();
    const ui = app.getUi();
    ui.showSidebar(html.createHtmlOutput('<p>one</p>').setTitle('Batch'));
    ui.showSidebar(html.createHtmlOutput('<p>two</p>').setTitle('Batch 2'));
    const state = store.ui(SS_ID);
    expect(state.sidebar).toMatchObject({ title: 'Batch 2', html: '<p>two</p>' });
    expect(state.sidebars.map((s) => s.title)).toEqual(['Batch', 'Batch 2']);
    state.closeSidebar();
    expect(state.sidebar).toBeNull();
  });

  it('records modal and modeless dialogs with their sizes', () => {
    const { app, store } = setup();
    const ui = app.getUi();
    ui.showModalDialog(html.createHtmlOutput('<b>hi</b>').setWidth(400).setHeight(300), 'Confirm');
    ui.showModelessDialog(html.createHtmlOutput('x'), 'Progress');
    expect(store.ui(SS_ID).dialogs).toMatchObject([
      { kind: 'modal', dialogTitle: 'Confirm', html: '<b>hi</b>', width: 400, height: 300 },
      { kind: 'modeless', dialogTitle: 'Progress' },
    ]);
  });
});

describe('Ui alerts and prompts', () => {
  it('records alerts and answers with the first button unless scripted', () => {
    const { app, store } = setup();
    const ui = app.getUi();
    expect(ui.alert('Saved')).toBe(ui.Button.OK);
    expect(ui.alert('Delete?', ui.ButtonSet.YES_NO)).toBe('YES');
    store.ui(SS_ID).answerNextAlert('CANCEL');
    expect(ui.alert('Title', 'Run 100 rows?', ui.ButtonSet.OK_CANCEL)).toBe('CANCEL');
    expect(store.ui(SS_ID).alerts).toEqual([
      { title: null, prompt: 'Saved', buttons: 'OK', response: 'OK' },
      { title: null, prompt: 'Delete?', buttons: 'YES_NO', response: 'YES' },
      { title: 'Title', prompt: 'Run 100 rows?', buttons: 'OK_CANCEL', response: 'CANCEL' },
    ]);
  });

  it('answers prompts with scripted text', () => {
    const { app, store } = setup();
    store.ui(SS_ID).answerNextPrompt('my-key');
    const response = app.getUi().prompt('API key?');
    expect([response.getResponseText(), response.getSelectedButton()]).toEqual(['my-key', 'OK']);
    expect(app.getUi().prompt('Again?', 'OK_CANCEL').getResponseText()).toBe('');
    expect(store.ui(SS_ID).prompts).toHaveLength(2);
  });

  it('rejects an unknown button set', () => {
    const { app } = setup();
    expect(() => app.getUi().alert('x', 'MAYBE')).toThrow('Invalid argument: buttons');
  });
});
