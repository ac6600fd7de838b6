// What the app says about itself.
import { z } from 'zod';

export const AppInfo = z.object({
  version: z.string(),
  storePath: z.string(),
  offsetUnit: z.literal('utf16'),
});

export type AppInfo = z.infer<typeof AppInfo>;
