import type { FatalKey, MsgParams } from './catalog/messages';

/** A reason the command cannot run at all (exit 2): a user mistake, reported without a stack trace. */
export class Fatal extends Error {
  constructor(
    readonly key: FatalKey,
    readonly params: MsgParams = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'Fatal';
  }
}
