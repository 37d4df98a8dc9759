/**
 * What the user of one spreadsheet sees: menus, the open sidebar, dialogs, alerts and toasts.
 * Services record here; tests and the harness read the public fields, and may script the answers
 * a user gives to alerts and prompts.
 */
import type { ButtonName, ButtonSetName } from './enums';

export type RecordedMenuItem =
  | { caption: string; functionName: string }
  | { separator: true }
  | { caption: string; items: RecordedMenuItem[] };

export interface RecordedMenu {
  title: string;
  /** True for the menu made with createAddonMenu (shown under Extensions). */
  addon: boolean;
  items: RecordedMenuItem[];
}

export interface HtmlSnapshot {
  title: string;
  html: string;
  width: number;
  height: number;
  sandboxMode: string;
  xFrameOptionsMode: string;
  metaTags: { name: string; content: string }[];
}

export interface ShownDialog extends HtmlSnapshot {
  kind: 'modal' | 'modeless';
  /** The title passed to showModalDialog/showModelessDialog (the one the user sees). */
  dialogTitle: string;
}

export interface RecordedAlert {
  title: string | null;
  prompt: string;
  buttons: ButtonSetName;
  /** The button the (scripted) user pressed. */
  response: ButtonName;
}

export interface RecordedPrompt extends RecordedAlert {
  responseText: string;
}

export interface RecordedToast {
  message: string;
  title: string;
  timeoutSeconds: number;
  /** Milliseconds since the epoch on the runtime's clock. */
  at: number;
}

/** Without a scripted answer the user presses the first button of the set. */
const DEFAULT_ANSWER: Readonly<Record<ButtonSetName, ButtonName>> = {
  OK: 'OK',
  OK_CANCEL: 'OK',
  YES_NO: 'YES',
  YES_NO_CANCEL: 'YES',
};

export class UiState {
  /** Menus added with addToUi, in order; adding a menu with the same title replaces it. */
  menus: RecordedMenu[] = [];
  /** The sidebar open now; a new showSidebar replaces it. */
  sidebar: HtmlSnapshot | null = null;
  /** Every sidebar shown, in order. */
  sidebars: HtmlSnapshot[] = [];
  dialogs: ShownDialog[] = [];
  alerts: RecordedAlert[] = [];
  prompts: RecordedPrompt[] = [];
  toasts: RecordedToast[] = [];
  private alertAnswers: ButtonName[] = [];
  private promptAnswers: { text: string; button: ButtonName }[] = [];

  /** Scripts the button the user presses on the next alert. */
  answerNextAlert(button: ButtonName): void {
    this.alertAnswers.push(button);
  }

  /** Scripts the text and button of the user's answer to the next prompt. */
  answerNextPrompt(text: string, button: ButtonName = 'OK'): void {
    this.promptAnswers.push({ text, button });
  }

  takeAlertAnswer(buttons: ButtonSetName): ButtonName {
    return this.alertAnswers.shift() ?? DEFAULT_ANSWER[buttons];
  }

  takePromptAnswer(buttons: ButtonSetName): { text: string; button: ButtonName } {
    return this.promptAnswers.shift() ?? { text: '', button: DEFAULT_ANSWER[buttons] };
  }

  /** The user closes the sidebar. */
  closeSidebar(): void {
    this.sidebar = null;
  }
}
