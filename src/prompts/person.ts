// Questions for a person's details, pre-filled with what is already known.
import { PERSON_TAGS, type PersonInput, type PersonTag } from '../domain/people.js';
import { label, t } from '../i18n/index.js';
import { ask, optionalText } from './index.js';

export async function askPerson(known: Partial<PersonInput>, askName = true): Promise<PersonInput> {
  return ask(async (p) => {
    const name = askName
      ? (await p.input({ message: t('prompt.name'), default: known.name, validate: (v) => v.trim() !== '' || t('err.name_empty') })).trim()
      : (known.name ?? '');
    const household = optionalText(await p.input({ message: t('prompt.household'), default: known.household ?? undefined }));
    const group = optionalText(await p.input({ message: t('prompt.group'), default: known.group ?? undefined }));
    const phone = optionalText(await p.input({ message: t('prompt.phone'), default: known.phone ?? undefined }));
    const tags = (await p.checkbox({
      message: t('prompt.tags'),
      choices: PERSON_TAGS.map((k) => ({ name: label('person_tag', k), value: k, checked: known.tags?.includes(k) ?? false })),
    })) as PersonTag[];
    const notes = optionalText(await p.input({ message: t('prompt.notes'), default: known.notes ?? undefined }));
    return { name, household, group, phone, tags, notes };
  });
}

/** "did you mean 王秀英 (#3, 王家, 一组)?": yes/no for one near name, a pick for several. */
export async function askDidYouMean(near: Array<{ id: number; text: string }>): Promise<number | undefined> {
  return ask(async (p) => {
    if (near.length === 1) {
      return (await p.confirm({ message: t('prompt.did_you_mean', { person: near[0]!.text }), default: true })) ? near[0]!.id : undefined;
    }
    const none = -1;
    const id = await p.select({
      message: t('prompt.did_you_mean_which'),
      choices: [...near.map((n) => ({ name: n.text, value: n.id })), { name: t('prompt.none_of_these'), value: none }],
    });
    return id === none ? undefined : id;
  });
}
