// N and Shift+N in the reader's compare view: the next or previous difference between layers.
import { commandEvents } from '../reader/reader-command-events';

const events = commandEvents('glossa:compare-command');

export const sendCompareCommand = events.send;
export const onCompareCommand = events.on;
