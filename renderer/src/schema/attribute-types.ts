import type { AttributeType } from '../../../shared/schemas/schema';

/** How the schema editor names each attribute type. */
export const attributeTypeNames: Record<AttributeType, string> = {
  choice: 'One choice',
  multi: 'Several choices',
  text: 'Text',
  number: 'Number',
  date: 'Date',
  boolean: 'Yes / no',
};

export function hasOptions(type: AttributeType): boolean {
  return type === 'choice' || type === 'multi';
}
