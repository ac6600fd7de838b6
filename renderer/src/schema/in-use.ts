// Words for what a refused schema change would touch, from the error's details (never from its
// message, which is written for the CLI's user and says which flag to pass).
import type { InUseDetails } from '../../../shared/errors';

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** The sentence that explains what uses the thing, followed by what the confirming button does. */
export function inUseText(details: InUseDetails): string {
  const { count: n, name } = details;
  switch (details.what) {
    case 'option-values': {
      const more = details.moreOptions ?? 0;
      const others = more > 0 ? ` (and ${more} more removed option${plural(more, ' is', 's are')} in use)` : '';
      return `${n} annotation${plural(n, ' uses', 's use')} the option "${details.option ?? ''}" of "${name}"${others}.`;
    }
    case 'attribute-values':
      return `${n} annotation${plural(n, ' has', 's have')} a value for "${name}". Deleting the attribute deletes those values.`;
    case 'type-relations':
      return `${n} relation${plural(n, ' is', 's are')} of type "${name}". Deleting the type deletes those relations.`;
    case 'label-annotations':
      return `${n} annotation${plural(n, ' uses', 's use')} the label "${name}".`;
  }
}
