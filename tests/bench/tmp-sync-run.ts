import { measureSyncBacklog } from './sync-bench';
measureSyncBacklog((m) => console.log(new Date().toISOString().slice(11, 19), m)).then((r) => { console.log(JSON.stringify(r)); process.exit(0); });
