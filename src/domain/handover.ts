// The handover to a successor (工作交接, DOMAIN.md "The term's end"): 基本情况交接清单 and 工作交接清单
// as one document tree, rendered like the reports. Every open item is a due item, the agenda's own
// shape and rules, so the handover lists exactly what `fs agenda` would show over the long run. Pure.
import { label, t, type MessageKey } from '../i18n/index.js';
import type { IsoDate } from '../time/dates.js';
import { numberSections, type Block, type DocSection, type DocumentTree } from './document.js';
import type { DueItem, DueKind, DueReason } from './due.js';
import type { Plan } from './plan.js';

/** Open promises and work in hand; coverage reminders and past missed meetings are not handed over. */
const HANDED_OVER: readonly DueReason[] = [
  'concern-due', 'concern-feedback', 'dispute-mediation', 'dispute-revisit', 'dispute-court', 'pair-contact',
  'plan-milestone', 'plan-practical', 'decision-stalled', 'meeting-pending',
];
const KIND_ORDER: readonly DueKind[] = ['concern', 'dispute', 'pair', 'plan', 'decision', 'meeting'];

export function openItems(items: readonly DueItem[]): DueItem[] {
  return items.filter((i) => HANDED_OVER.includes(i.reason)).sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.due.localeCompare(b.due));
}

export interface HandoverBasics {
  village: string;
  secretary: string;
  roster: {
    people: number;
    households: number;
    by_tag: Array<{ tag: string; n: number }>;
    by_group: Array<{ group: string | null; people: number; households: number }>;
  };
  plans: Array<Pick<Plan, 'id' | 'title' | 'kind' | 'area' | 'due_on' | 'status' | 'percent' | 'owner'>>;
  settings: Array<{ key: string; value: string; default: boolean }>;
}

const h = (k: string) => t(`handover.${k}` as MessageKey);

function section(title: string, blocks: Block[]): DocSection {
  return { kind: 'section', level: 2, number: '?', title, blocks };
}

export function buildHandover(basics: HandoverBasics, items: readonly DueItem[], today: IsoDate, lang: 'en' | 'zh'): DocumentTree {
  const r = basics.roster;
  const roster = section(h('roster'), [
    { kind: 'paragraph', sentences: [t('handover.roster_sentence', { people: r.people, households: r.households })] },
    { kind: 'table', caption: h('by_tag'), columns: [{ header: h('col.tag'), type: 'status' }, { header: h('col.people'), type: 'count' }], rows: r.by_tag.map((x) => [label('person_tag', x.tag), x.n]) },
    {
      kind: 'table',
      caption: h('by_group'),
      columns: [{ header: h('col.group'), type: 'text' }, { header: h('col.people'), type: 'count' }, { header: h('col.households'), type: 'count' }],
      rows: r.by_group.map((g) => [g.group ?? h('no_group'), g.people, g.households]),
    },
  ]);
  const plans = section(h('plan'), [
    basics.plans.length
      ? {
          kind: 'table',
          columns: [
            { header: h('col.item'), type: 'text' }, { header: h('col.area'), type: 'status' }, { header: h('col.kind'), type: 'status' },
            { header: h('col.owner'), type: 'name' }, { header: h('col.due'), type: 'date' }, { header: h('col.status'), type: 'status' }, { header: h('col.percent'), type: 'count' },
          ],
          rows: basics.plans.map((p) => [p.title, label('plan_area', p.area), label('plan_kind', p.kind), p.owner ?? null, p.due_on ?? null, label('plan_status', p.status), p.percent ?? null]),
        }
      : { kind: 'paragraph', sentences: [h('no_plan')] },
  ]);
  const settings = section(h('settings'), [
    { kind: 'table', columns: [{ header: h('col.setting'), type: 'text' }, { header: h('col.value'), type: 'text' }], rows: basics.settings.map((s) => [s.key, `${s.value || '—'}${s.default ? h('default_mark') : ''}`]) },
  ]);
  const open = openItems(items);
  const byKind = KIND_ORDER.filter((k) => open.some((i) => i.kind === k)).map((k) =>
    section(t(`handover.kind.${k}` as MessageKey), [
      {
        kind: 'table',
        columns: [
          { header: h('col.item'), type: 'text' }, { header: h('col.person'), type: 'name' }, { header: h('col.due'), type: 'date' },
          { header: h('col.when'), type: 'status' }, { header: h('col.action'), type: 'text' },
        ],
        rows: open.filter((i) => i.kind === k).map((i) => [i.title, i.person, i.due, i.days < 0 ? t('handover.overdue', { n: -i.days }) : i.days === 0 ? h('due_today') : t('handover.due_in', { n: i.days }), i.action]),
      },
    ]),
  );
  const work: Block[] = open.length ? numberSections(lang, 2, byKind) : [{ kind: 'paragraph', sentences: [h('nothing_open')] }];
  const top: DocSection[] = [
    { kind: 'section', level: 1, number: '?', title: h('basics'), blocks: numberSections(lang, 2, [roster, plans, settings]) },
    { kind: 'section', level: 1, number: '?', title: h('work'), blocks: [{ kind: 'paragraph', sentences: [t('handover.work_sentence', { n: open.length, overdue: open.filter((i) => i.days < 0).length })] }, ...work] },
    { kind: 'section', level: 1, number: '?', title: h('materials'), blocks: [{ kind: 'paragraph', sentences: [h('materials_sentence')] }] },
  ];
  return {
    lang,
    title: basics.village ? t('handover.title_village', { village: basics.village }) : h('title'),
    meta: [
      { label: h('meta.from'), value: basics.secretary || '—' },
      { label: h('meta.date'), value: lang === 'zh' ? `${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月${Number(today.slice(8))}日` : today },
    ],
    blocks: numberSections(lang, 1, top),
  };
}
