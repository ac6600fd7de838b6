// The reader's blocks are cut in main (the block index sent on open) with the same rule.
export { blockIndexAt, maxBlockLength, splitBlocks, type Block } from '../../../shared/blocks';
