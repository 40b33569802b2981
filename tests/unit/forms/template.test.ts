import { describe, expect, it } from 'vitest';
import { BODY_REGIONS } from '../../../shared/forms/body-map';
import { CONSENT_SCOPES } from '../../../shared/forms/consent';
import { FACILITY_KINDS } from '../../../shared/forms/registers';
import {
  FIELD_KINDS,
  SENSITIVITIES,
  findSection,
  findVocabulary,
} from '../../../shared/forms/template';
import type { Field, LocalText, Section, Template } from '../../../shared/forms/template';
import { CURRENT_TEMPLATE, TEMPLATES, getTemplate } from '../../../shared/forms/templates';
import { TORTURE_DETENTION_V1 } from '../../../shared/forms/templates/torture-detention-v1';
import {
  linkPeople,
  linkSeveral,
  PEOPLE_FIELDS_V2,
  SEVERAL_FIELDS_V2,
  TORTURE_DETENTION_V2,
} from '../../../shared/forms/templates/torture-detention-v2';

const T: Template = TORTURE_DETENTION_V1;
const ID = /^[a-z][a-z0-9_]*$/;
const CYRILLIC = /[\u0400-\u04FF]/;

/** Every text of the template with where it sits and the id it labels. */
function localTexts(template: Template): Array<{ where: string; key: string; text: LocalText }> {
  const out: Array<{ where: string; key: string; text: LocalText }> = [];
  const add = (where: string, key: string, text: LocalText | undefined) => {
    if (text) out.push({ where, key, text });
  };
  add('title', template.id, template.title);
  add('consentExplanation', 'consent', template.consentExplanation);
  const addField = (where: string, field: Field) => {
    add(`${where}.label`, field.id, field.label);
    add(`${where}.help`, field.id, field.help);
    if (field.kind === 'group') {
      add(`${where}.itemLabel`, field.id, field.itemLabel);
      for (const child of field.fields) addField(`${where}.${child.id}`, child);
    }
  };
  for (const section of template.sections) {
    add(`${section.id}.title`, section.id, section.title);
    add(`${section.id}.intro`, section.id, section.intro);
    for (const field of section.fields) addField(`${section.id}.${field.id}`, field);
  }
  for (const vocabulary of template.vocabularies) {
    add(`vocab ${vocabulary.id}`, vocabulary.id, vocabulary.label);
    for (const term of vocabulary.terms)
      add(`vocab ${vocabulary.id}.${term.code}`, term.code, term.label);
  }
  return out;
}

function allFields(section: Section): Array<{ path: string; field: Field }> {
  return section.fields.flatMap((field) => [
    { path: field.id, field },
    ...(field.kind === 'group'
      ? field.fields.map((child) => ({ path: `${field.id}.${child.id}`, field: child as Field }))
      : []),
  ]);
}

const duplicates = (values: readonly string[]) =>
  values.filter((value, index) => values.indexOf(value) !== index);

describe('torture and detention template v1: structure', () => {
  it('is still shipped and found by id and version, after v2 became the current one', () => {
    expect(T.id).toBe('torture-detention');
    expect(T.version).toBe(1);
    expect(CURRENT_TEMPLATE).toBe(TORTURE_DETENTION_V2);
    expect(getTemplate('torture-detention', 1)).toBe(T);
    expect(getTemplate('torture-detention', 2)).toBe(TORTURE_DETENTION_V2);
    expect(getTemplate('torture-detention', 3)).toBeUndefined();
    expect(TEMPLATES.map((t) => `${t.id}@${t.version}`)).toEqual([
      'torture-detention@1',
      'torture-detention@2',
    ]);
  });

  it('has sections A–I, the gated SV section, then J–O, in that order', () => {
    expect(T.sections.map((s) => s.id)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
      'H',
      'I',
      'SV',
      'J',
      'K',
      'L',
      'M',
      'N',
      'O',
    ]);
    expect(T.sections.filter((s) => s.gate).map((s) => s.id)).toEqual(['SV']);
  });

  it('cites the standards and HURIDOCS', () => {
    const sources = T.sources.join('\n');
    for (const name of [
      'Istanbul Protocol',
      'Murad Code',
      'Berkeley Protocol',
      'Eurojust',
      'Geneva Convention (III)',
      'Rome Statute',
      'HURIDOCS',
    ]) {
      expect(sources).toContain(name);
    }
  });

  it('uses lower_snake_case ids, unique within each section and each group', () => {
    for (const section of T.sections) {
      const ids = section.fields.map((f) => f.id);
      expect(
        ids.filter((id) => !ID.test(id)),
        section.id,
      ).toEqual([]);
      expect(duplicates(ids), section.id).toEqual([]);
      for (const field of section.fields) {
        if (field.kind !== 'group') continue;
        const childIds = field.fields.map((f) => f.id);
        expect(
          childIds.filter((id) => !ID.test(id)),
          `${section.id}.${field.id}`,
        ).toEqual([]);
        expect(duplicates(childIds), `${section.id}.${field.id}`).toEqual([]);
        expect(field.fields.length, `${section.id}.${field.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('gives every field a known kind and sensitivity, and never nests groups', () => {
    for (const section of T.sections) {
      for (const { path, field } of allFields(section)) {
        expect(FIELD_KINDS, `${section.id}.${path}`).toContain(field.kind);
        expect(SENSITIVITIES, `${section.id}.${path}`).toContain(field.sensitivity);
        if (path.includes('.')) expect(field.kind, `${section.id}.${path}`).not.toBe('group');
      }
    }
  });

  it('has unique vocabulary ids and unique lower_snake_case codes within each vocabulary', () => {
    const ids = T.vocabularies.map((v) => v.id);
    expect(ids.filter((id) => !ID.test(id))).toEqual([]);
    expect(duplicates(ids)).toEqual([]);
    for (const vocabulary of T.vocabularies) {
      const codes = vocabulary.terms.map((term) => term.code);
      expect(codes.length, vocabulary.id).toBeGreaterThan(1);
      expect(
        codes.filter((code) => !ID.test(code)),
        vocabulary.id,
      ).toEqual([]);
      expect(duplicates(codes), vocabulary.id).toEqual([]);
    }
  });

  it('points every choice and multi field at a vocabulary of the template, and uses each one', () => {
    const used = new Set<string>();
    for (const section of T.sections) {
      for (const { path, field } of allFields(section)) {
        if (field.kind !== 'choice' && field.kind !== 'multi') continue;
        expect(findVocabulary(T, field.vocabulary), `${section.id}.${path}`).toBeDefined();
        used.add(field.vocabulary);
      }
    }
    expect(T.vocabularies.map((v) => v.id).filter((id) => !used.has(id))).toEqual([]);
  });
});

// Every shipped version, and the body map's region labels, which every version shows.
const BODY_TEXTS = BODY_REGIONS.map((r) => ({ where: `body ${r.id}`, key: r.id, text: r.label }));
describe.each(TEMPLATES.map((template) => [`${template.id} v${template.version}`, template]))(
  '%s: languages',
  (_name, template) => {
    const texts = [...localTexts(template as Template), ...BODY_TEXTS];

    it('collects the texts it checks (sanity check of the walker)', () => {
      expect(texts.some((x) => x.where === 'body back.upper_back')).toBe(true);
      expect(texts.length).toBeGreaterThan(500);
      expect(texts.some((x) => x.where === 'vocab consent_scopes.share_icc_otp')).toBe(true);
      expect(texts.some((x) => x.where === 'D.clarifying.question.label')).toBe(true);
    });

    it('has a Ukrainian and an English text everywhere, neither of them empty', () => {
      const empty = texts.filter((x) => !x.text.uk.trim() || !x.text.en.trim());
      expect(empty.map((x) => x.where)).toEqual([]);
    });

    it('writes Ukrainian in Cyrillic, never as the raw id', () => {
      const bad = texts.filter((x) => !CYRILLIC.test(x.text.uk) || x.text.uk === x.key);
      expect(bad.map((x) => x.where)).toEqual([]);
    });

    it('writes English as words, not as an id or a copy of the Ukrainian', () => {
      // A plain word may rightly be its own label (code `other`, label “other”); a compound id
      // such as `share_ngo` never is, and no English text contains an underscore or Cyrillic.
      const bad = texts.filter(
        (x) =>
          x.text.en.includes('_') ||
          CYRILLIC.test(x.text.en) ||
          x.text.en === x.text.uk ||
          (/[_0-9]/.test(x.key) && x.text.en === x.key),
      );
      expect(bad.map((x) => `${x.where}: ${x.text.en}`)).toEqual([]);
    });

    it('uses the typographic apostrophe and quotes in Ukrainian', () => {
      const bad = texts.filter((x) => /['"“”„]/.test(x.text.uk));
      expect(bad.map((x) => `${x.where}: ${x.text.uk}`)).toEqual([]);
    });

    it('uses curly quotes and apostrophes in English', () => {
      const bad = texts.filter((x) => /['"«»]/.test(x.text.en));
      expect(bad.map((x) => `${x.where}: ${x.text.en}`)).toEqual([]);
    });

    it('explains consent plainly: what is recorded, who may receive it, the risks, the right to stop', () => {
      const { uk, en } = (template as Template).consentExplanation;
      for (const phrase of [
        'record',
        'International Criminal Court',
        'danger',
        'stop',
        'withdraw',
      ]) {
        expect(en).toContain(phrase);
      }
      for (const phrase of [
        'запишемо',
        'Міжнародному кримінальному суду',
        'небезпечно',
        'зупинитися',
        'відкликати',
      ]) {
        expect(uk).toContain(phrase);
      }
      expect(en.length).toBeLessThan(2_000);
    });
  },
);

describe('torture and detention template v1: shared contracts', () => {
  it('labels exactly the facility kinds of the register', () => {
    const vocabulary = findVocabulary(T, 'facility_kinds');
    expect(vocabulary?.terms.map((term) => term.code)).toEqual([...FACILITY_KINDS]);
    const facilityField = findSection(T, 'F')?.fields.find((f) => f.id === 'places');
    expect(facilityField?.kind).toBe('group');
    if (facilityField?.kind !== 'group') return;
    const kindField = facilityField.fields.find((f) => f.id === 'facility_kind');
    expect(kindField).toMatchObject({ kind: 'choice', vocabulary: 'facility_kinds' });
    expect(facilityField.fields.find((f) => f.id === 'facility')?.kind).toBe('place');
  });

  it('labels every consent scope, and nothing else', () => {
    const codes = findVocabulary(T, 'consent_scopes')?.terms.map((term) => term.code);
    expect(codes).toEqual([...CONSENT_SCOPES]);
  });

  it('gives section B the fields consent.ts reads, with the right kinds and vocabularies', () => {
    const b = findSection(T, 'B');
    const group = (id: string) => {
      const field = b?.fields.find((f) => f.id === id);
      expect(field?.kind, id).toBe('group');
      return field?.kind === 'group' ? field.fields : [];
    };
    const scopes = group('scopes');
    expect(scopes.find((f) => f.id === 'scope')).toMatchObject({
      kind: 'choice',
      vocabulary: 'consent_scopes',
    });
    expect(scopes.find((f) => f.id === 'decision')).toMatchObject({
      kind: 'choice',
      vocabulary: 'consent_decisions',
    });
    expect(scopes.find((f) => f.id === 'date')?.kind).toBe('date');
    expect(scopes.find((f) => f.id === 'method')).toMatchObject({
      kind: 'choice',
      vocabulary: 'consent_methods',
    });
    const withdrawals = group('withdrawals');
    expect(withdrawals.find((f) => f.id === 'scope')).toMatchObject({
      kind: 'choice',
      vocabulary: 'consent_scopes',
    });
    expect(withdrawals.find((f) => f.id === 'date')?.kind).toBe('date');
    expect(withdrawals.find((f) => f.id === 'recipients_told')?.kind).toBe('yesno');
    expect(withdrawals.find((f) => f.id === 'note')?.kind).toBe('text');

    const codes = (id: string) => findVocabulary(T, id)?.terms.map((term) => term.code);
    expect(codes('consent_decisions')).toEqual(['granted', 'refused']);
    expect(codes('consent_methods')).toEqual(['written', 'verbal_recorded', 'verbal_witnessed']);
  });

  it('keeps the sexual-violence section gated and every field in it sexual_violence', () => {
    const sv = findSection(T, 'SV');
    expect(sv?.gate).toBe('sexual_violence');
    const sensitivities = allFields(sv as Section).map((x) => x.field.sensitivity);
    expect(sensitivities.length).toBeGreaterThan(0);
    expect(new Set(sensitivities)).toEqual(new Set(['sexual_violence']));
    // Minimal by default: a handful of questions, no repeatable records.
    expect(sv?.fields.length).toBeLessThanOrEqual(8);
    expect(sv?.fields.some((f) => f.kind === 'group')).toBe(false);
  });

  it('asks about sexual violence nowhere else', () => {
    for (const section of T.sections.filter((s) => s.id !== 'SV')) {
      for (const { path, field } of allFields(section)) {
        expect(field.sensitivity, `${section.id}.${path}`).not.toBe('sexual_violence');
        if (field.kind === 'choice' || field.kind === 'multi') {
          expect(field.vocabulary, `${section.id}.${path}`).not.toBe('sexual_violence_kinds');
        }
      }
    }
    const methods = findVocabulary(T, 'ill_treatment_methods')?.terms ?? [];
    // HURIDOCS 5: 0305 rape, 0306 sexual harassment, 032102 nakedness.
    expect(methods.filter((m) => /^030[56]|^032102/.test(m.huridocs ?? ''))).toEqual([]);
  });

  it('sets the sensitivity FORMS.md asks for', () => {
    const fields = (id: string) => allFields(findSection(T, id) as Section);
    const leaf = (sectionId: string, path: string) =>
      fields(sectionId).find((x) => x.path === path)?.field.sensitivity;
    expect(new Set(fields('O').map((x) => x.field.sensitivity))).toEqual(new Set(['other']));
    for (const { path, field } of fields('C')) {
      expect(['identifying', 'medical'], `C.${path}`).toContain(field.sensitivity);
    }
    expect(leaf('C', 'health_before')).toBe('medical');
    expect(leaf('E', 'place')).toBe('location');
    expect(leaf('F', 'places.facility')).toBe('location');
    expect(leaf('I', 'acts.body_regions')).toBe('medical');
    expect(leaf('M', 'injuries_scars')).toBe('medical');
    // Every place field outside SV is a location.
    for (const section of T.sections.filter((s) => s.id !== 'SV')) {
      for (const { path, field } of allFields(section)) {
        if (field.kind === 'place')
          expect(field.sensitivity, `${section.id}.${path}`).toBe('location');
      }
    }
  });

  it('links perpetrators to the register and leaves co-detainees and witnesses as text', () => {
    const person = (sectionId: string, path: string) =>
      allFields(findSection(T, sectionId) as Section).find((x) => x.path === path)?.field;
    expect(person('I', 'acts.perpetrator')).toMatchObject({
      kind: 'person',
      register: 'perpetrators',
    });
    expect(person('H', 'interrogations.interrogator')).toMatchObject({
      kind: 'person',
      register: 'perpetrators',
    });
    expect(person('E', 'captors.who')).toMatchObject({ kind: 'person', register: 'perpetrators' });
    expect(person('I', 'acts.witness')).toMatchObject({ kind: 'person', register: null });
    expect(person('F', 'codetainees.who')).toMatchObject({ kind: 'person', register: null });
  });

  it('makes places of detention, interrogations and acts repeatable, with body maps in I and M', () => {
    const kindOf = (sectionId: string, id: string) =>
      findSection(T, sectionId)?.fields.find((f) => f.id === id)?.kind;
    expect(kindOf('F', 'places')).toBe('group');
    expect(kindOf('H', 'interrogations')).toBe('group');
    expect(kindOf('I', 'acts')).toBe('group');
    expect(kindOf('M', 'injuries_scars')).toBe('bodymap');
    const d = findSection(T, 'D')?.fields.find((f) => f.id === 'clarifying');
    expect(d?.clarifying).toBe(true);
    expect(d?.kind === 'group' && d.fields.every((f) => f.clarifying === true)).toBe(true);
  });

  it('tags with exactly the legal provisions FORMS.md lists', () => {
    expect(findVocabulary(T, 'legal_tags')?.terms.map((term) => term.code)).toEqual([
      'gc3_art13',
      'gc3_art17',
      'gc3_art25_26',
      'gc3_art70_71',
      'gc3_art126',
      'gc3_art130',
      'rs_8_2_a_i',
      'rs_8_2_a_ii',
      'rs_8_2_a_iii',
      'rs_8_2_a_vi',
      'rs_8_2_b_xxi',
      'rs_7_1_e',
      'rs_7_1_f',
      'rs_7_1_i',
    ]);
  });
});

describe('torture and detention template v2: co-detainees and witnesses in the people register', () => {
  const V2 = TORTURE_DETENTION_V2;
  const field = (template: Template, path: string) => {
    const [sectionId, ...rest] = path.split('.');
    return allFields(findSection(template, sectionId!) as Section).find(
      (x) => x.path === rest.join('.'),
    )?.field;
  };

  it('links co-detainees and witnesses to the people register', () => {
    expect(V2.version).toBe(2);
    expect(V2.id).toBe(T.id);
    for (const path of [
      'F.codetainees.who',
      'E.captured_with.who',
      'F.deaths.who',
      'I.acts.witness',
    ]) {
      expect(field(V2, path), path).toMatchObject({ kind: 'person', register: 'people' });
    }
    expect(field(V2, 'I.acts.perpetrator')).toMatchObject({ register: 'perpetrators' });
    // Not one person field of v2 is left as free text only.
    const textOnly = V2.sections.flatMap((s) =>
      allFields(s)
        .filter((x) => x.field.kind === 'person' && x.field.register === null)
        .map((x) => `${s.id}.${x.path}`),
    );
    expect(textOnly).toEqual([]);
  });

  it('leaves v1 as shipped: the same fields are still free text there', () => {
    for (const path of PEOPLE_FIELDS_V2) {
      expect(field(T, path), path).toMatchObject({ kind: 'person', register: null });
    }
  });

  it('differs from v1 only in those fields (their register, and a help where v1 had none)', () => {
    // `multiple` is dropped too (undefined leaves the JSON): the next test pins where it is.
    const strip = (template: Template) =>
      JSON.parse(
        JSON.stringify({ ...template, version: 0 }, (key, value: unknown) =>
          value && typeof value === 'object' && (value as { kind?: string }).kind === 'person'
            ? { ...value, register: '*', help: '*', multiple: undefined }
            : value,
        ),
      ) as unknown;
    expect(strip(V2)).toEqual(strip(T));
    expect(field(V2, 'I.acts.witness')?.help).toEqual(field(T, 'I.acts.witness')?.help);
    expect(field(V2, 'F.codetainees.who')?.help?.en).toBe('Choose from the register or describe.');
  });

  it('links several perpetrators per act, interrogation and sexual violence; v1 links one', () => {
    const several = ['H.interrogations.interrogator', 'I.acts.perpetrator', 'SV.perpetrator'];
    expect([...SEVERAL_FIELDS_V2].sort()).toEqual(several);
    for (const path of several) {
      expect(field(V2, path), path).toMatchObject({
        kind: 'person',
        register: 'perpetrators',
        multiple: true,
      });
      expect(field(V2, path)?.help?.en, path).toMatch(/everyone you can/);
      expect(field(T, path), path).toMatchObject({ kind: 'person', register: 'perpetrators' });
      expect(field(T, path), path).not.toHaveProperty('multiple');
    }
    // No other field of v2 takes several entries.
    const multiple = V2.sections.flatMap((s) =>
      allFields(s)
        .filter((x) => x.field.kind === 'person' && x.field.multiple)
        .map((x) => `${s.id}.${x.path}`),
    );
    expect(multiple.sort()).toEqual(several);
    expect(JSON.stringify(T)).not.toContain('multiple');
  });

  it('refuses to make several of a field that is gone, free text only or already several', () => {
    expect(() => linkSeveral(T, ['I.acts.nobody'])).toThrow(/no field at/);
    expect(() => linkSeveral(T, ['F.codetainees.who'])).toThrow(/not a single linked person/);
    expect(() => linkSeveral(V2, ['I.acts.perpetrator'])).toThrow(/not a single linked person/);
    expect(linkSeveral(T, []).sections).toEqual(T.sections);
  });

  it('refuses to derive from a path that is gone or is not a free-text person field', () => {
    expect(() => linkPeople(T, ['F.codetainees.nobody'], 9)).toThrow(/no field at/);
    expect(() => linkPeople(T, ['I.acts.perpetrator'], 9)).toThrow(/not a free-text person/);
    expect(() => linkPeople(T, ['F.places.facility'], 9)).toThrow(/not a free-text person/);
  });
});
