// The gold layer as curation writes it: annotations with layer 'gold'. Placeholder until the
// analysts model (branch g-analysts) lands; see the merge.
