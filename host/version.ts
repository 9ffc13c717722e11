// The helper's version, as `hello.helper` and in receipts.
import { version } from '../package.json';

export const HELPER_VERSION = `spectrum-firstboot-helper/${version}`;
