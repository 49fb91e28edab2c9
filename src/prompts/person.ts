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
