/**
 * The spreadsheet's user interface as a script drives it: menus, sidebars, dialogs, alerts, prompts.
 * Everything is recorded on a UiState (see SpreadsheetStore.ui); alert and prompt answers come from
 * answers scripted there, or the first button of the set.
 */
import { GasError } from '../../core/env';
import { Button, type ButtonName, ButtonSet, type ButtonSetName } from './enums';
import type { HtmlSnapshot, RecordedMenu, RecordedMenuItem, UiState } from './ui-state';

/** Anything shown in a sidebar or dialog: the emulator's HtmlOutput (perhaps wrapped by the runtime). */
export interface HtmlOutputLike {
  _snapshot(): HtmlSnapshot;
}

export interface MenuLike {
  _snapshot(): RecordedMenu;
}

export class Menu {
  private readonly state: UiState;
  private readonly title: string;
  private readonly addon: boolean;
  private readonly items: RecordedMenuItem[] = [];

  constructor(state: UiState, title: string, addon: boolean) {
    this.state = state;
    this.title = title;
    this.addon = addon;
  }

  addItem(caption: string, functionName: string): Menu {
    this.items.push({ caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): Menu {
    this.items.push({ separator: true });
    return this;
  }

  addSubMenu(menu: MenuLike): Menu {
    const sub = menu._snapshot();
    this.items.push({ caption: sub.title, items: sub.items });
    return this;
  }

  /** Shows the menu; a menu with the same title (or the add-on menu again) replaces the earlier one. */
  addToUi(): void {
    const menu = this._snapshot();
    const index = this.state.menus.findIndex((m) => m.addon === menu.addon && m.title === menu.title);
    if (index === -1) this.state.menus.push(menu);
    else this.state.menus[index] = menu;
  }

  _snapshot(): RecordedMenu {
    return { title: this.title, addon: this.addon, items: structuredClone(this.items) };
  }
}

function buttonSetOf(value: unknown): ButtonSetName {
  const name = String(value);
  if (!(name in ButtonSet)) throw new GasError('Invalid argument: buttons');
  return name as ButtonSetName;
}

/** alert/prompt take (prompt), (prompt, buttons) or (title, prompt, buttons). */
function dialogArgs(args: unknown[]): { title: string | null; prompt: string; buttons: ButtonSetName } {
  if (args.length >= 3)
    return { title: String(args[0]), prompt: String(args[1]), buttons: buttonSetOf(args[2]) };
  return { title: null, prompt: String(args[0]), buttons: args.length === 2 ? buttonSetOf(args[1]) : 'OK' };
}

export class PromptResponse {
  private readonly text: string;
  private readonly button: ButtonName;

  constructor(text: string, button: ButtonName) {
    this.text = text;
    this.button = button;
  }

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): ButtonName {
    return this.button;
  }
}

export class Ui {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  private readonly state: UiState;
  private readonly addonMenuTitle: string;

  constructor(state: UiState, addonMenuTitle: string) {
    this.state = state;
    this.addonMenuTitle = addonMenuTitle;
  }

  createMenu(caption: string): Menu {
    return new Menu(this.state, String(caption), false);
  }

  createAddonMenu(): Menu {
    return new Menu(this.state, this.addonMenuTitle, true);
  }

  alert(...args: unknown[]): ButtonName {
    const { title, prompt, buttons } = dialogArgs(args);
    const response = this.state.takeAlertAnswer(buttons);
    this.state.alerts.push({ title, prompt, buttons, response });
    return response;
  }

  prompt(...args: unknown[]): PromptResponse {
    const { title, prompt, buttons } = dialogArgs(args);
    const answer = this.state.takePromptAnswer(buttons);
    this.state.prompts.push({ title, prompt, buttons, response: answer.button, responseText: answer.text });
    return new PromptResponse(answer.text, answer.button);
  }

  showSidebar(userInterface: HtmlOutputLike): void {
    const shown = userInterface._snapshot();
    this.state.sidebar = shown;
    this.state.sidebars.push(shown);
  }

  showModalDialog(userInterface: HtmlOutputLike, title: string): void {
    this.state.dialogs.push({ ...userInterface._snapshot(), kind: 'modal', dialogTitle: String(title) });
  }

  showModelessDialog(userInterface: HtmlOutputLike, title: string): void {
    this.state.dialogs.push({ ...userInterface._snapshot(), kind: 'modeless', dialogTitle: String(title) });
  }
}
