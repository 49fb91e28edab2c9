// Roster: person tags (DOMAIN.md "Person tags").
export const PERSON_TAGS = ['party-member', 'cadre', 'reserve-cadre', 'village-rep', 'rich-expert', 'poor', 'petitioner'] as const;
export type PersonTag = (typeof PERSON_TAGS)[number];

export interface Person {
  id: number;
  uid: string;
  name: string;
  household: string | null;
  household_id: number | null;
  group: string | null;
  phone: string | null;
  tags: PersonTag[];
  notes: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonInput {
  name: string;
  household?: string | null;
  group?: string | null;
  phone?: string | null;
  tags?: PersonTag[];
  notes?: string | null;
}

/** A `--person` value that is all digits (optionally `#12`) means an id; anything else a name. */
export function personRef(value: string): { id: number } | { name: string } {
  const m = /^#?(\d+)$/.exec(value.trim());
  return m ? { id: Number(m[1]) } : { name: value.trim() };
}

export function isPartyMember(tags: readonly string[]): boolean {
  return tags.includes('party-member');
}
