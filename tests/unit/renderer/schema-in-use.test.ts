// The schema editor words its questions from an IN_USE error's details, which the services
// attach to the errors they throw (and which cross the dispatcher as data).
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/services/index';
import { AppError, type ErrorData, type InUseDetails } from '../../../shared/errors';
import { inUseText } from '../../../renderer/src/schema/in-use';
import { addText, openTestContext } from '../helpers';

describe('inUseText', () => {
  it('says how many annotations use a removed option, and how many more options are in use', () => {
    const one: InUseDetails = { count: 1, what: 'option-values', name: 'kind', option: 'media', moreOptions: 0 };
    expect(inUseText(one)).toBe('1 annotation uses the option "media" of "kind".');
    expect(inUseText({ ...one, count: 3, moreOptions: 2 })).toBe('3 annotations use the option "media" of "kind" (and 2 more removed options are in use).');
    expect(inUseText({ ...one, moreOptions: 1 })).toBe('1 annotation uses the option "media" of "kind" (and 1 more removed option is in use).');
  });

  it('words deleting an attribute with values and a relation type with relations', () => {
    expect(inUseText({ count: 2, what: 'attribute-values', name: 'status' })).toBe('2 annotations have a value for "status". Deleting the attribute deletes those values.');
    expect(inUseText({ count: 1, what: 'type-relations', name: 'supports' })).toBe('1 relation is of type "supports". Deleting the type deletes those relations.');
    expect(inUseText({ count: 4, what: 'label-annotations', name: 'Claim' })).toBe('4 annotations use the label "Claim".');
  });
});

describe('AppError details', () => {
  it('are part of the error data only when given', () => {
    expect(new AppError('NOT_FOUND', 'No such label.').toData()).toEqual({ code: 'NOT_FOUND', message: 'No such label.' });
    const details: InUseDetails = { count: 2, what: 'type-relations', name: 'supports' };
    expect(new AppError('IN_USE', 'In use.', details).toData()).toEqual({ code: 'IN_USE', message: 'In use.', details });
  });
});

describe('IN_USE details through the dispatcher', () => {
  it('reach the caller of labels.delete, relationTypes.delete and attributes.update as data', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const documentId = addText(t.ctx, 'Rebels said they had seized Dorsk.');
    const call = async (channel: string, args: unknown): Promise<{ id: string }> => {
      const envelope = await dispatch(channel, args);
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value as { id: string };
    };
    const refusal = async (channel: string, args: unknown): Promise<ErrorData | undefined> => {
      const envelope = await dispatch(channel, args);
      return envelope.ok ? undefined : envelope.error;
    };
    const claim = await call('annotations.create', { documentId, labelId: 'claim', start: 0, end: 11, quote: 'Rebels said' });
    const source = await call('annotations.create', { documentId, labelId: 'source', start: 0, end: 6, quote: 'Rebels' });
    expect(await refusal('labels.delete', { id: 'source' })).toMatchObject({ code: 'IN_USE', details: { count: 1, what: 'label-annotations', name: 'Source' } });

    const type = await call('relationTypes.create', { name: 'cites', fromLabelId: null, toLabelId: null });
    await call('relations.create', { typeId: type.id, fromId: claim.id, toId: source.id });
    expect(await refusal('relationTypes.delete', { id: type.id })).toMatchObject({ code: 'IN_USE', details: { count: 1, what: 'type-relations', name: 'cites' } });

    expect(await call('annotations.setAttributes', { annotationId: claim.id, values: { 'claim-status': 'disputed' } })).toEqual({ 'claim-status': 'disputed' });
    const refused = await refusal('attributes.update', { id: 'claim-status', options: ['unverified'] });
    expect(refused).toMatchObject({ code: 'IN_USE', details: { count: 1, what: 'option-values', option: 'disputed', moreOptions: 0 } });
    expect(inUseText(refused!.details as InUseDetails)).toMatch(/^1 annotation uses the option "disputed" of "/);
  });
});
