/** Drive's User: an owner, editor or viewer of an item. The emulator knows users by e-mail only. */
export class User implements Pick<
  GoogleAppsScript.Drive.User,
  'getEmail' | 'getName' | 'getDomain' | 'getPhotoUrl'
> {
  static readonly gasName = 'User';

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  /** No display names are kept: the part of the address before the "@" stands in. */
  getName(): string {
    const at = this.email.indexOf('@');
    return at < 0 ? this.email : this.email.slice(0, at);
  }

  getDomain(): string {
    const at = this.email.lastIndexOf('@');
    return at < 0 ? '' : this.email.slice(at + 1);
  }

  getPhotoUrl(): string {
    return '';
  }
}
