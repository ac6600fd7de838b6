// The app's own channel: version, where the store is, the unit of offsets.
import { AppInfo } from '../schemas/app';
import { none } from './common';

export const appChannels = {
  'app.info': { args: none, result: AppInfo },
} as const;
