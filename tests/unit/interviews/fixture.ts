/**
 * The interview services over a real vault (SQLCipher on disk, real custody log), wired as
 * services.ts wires them, but able to take testimonies with test templates: one with every
 * field kind, register links and a gated section, in two versions (to check pinning). Section B
 * and the vocabularies come from the current template, so consent is read exactly as in the app.
 */
import { createServices } from '../../../electron/main/api';
import type { Services } from '../../../electron/main/api';
import { InterviewStore } from '../../../electron/main/interviews';
import { silentLogger } from '../../../electron/main/log';
import { TestimonyStore } from '../../../electron/main/testimonies';
import type { TemplatePin } from '../../../electron/main/testimonies';
import type { Db } from '../../../electron/main/vault';
import type { ConsentScope } from '../../../shared/forms/consent';
import { findSection } from '../../../shared/forms/template';
import type { Section, Template } from '../../../shared/forms/template';
import { CURRENT_TEMPLATE, getTemplate } from '../../../shared/forms/templates';
import { consentAnswers, STORE_SCOPES } from '../../helpers/consent';
import { FAST_KDF, PASSPHRASE } from '../../helpers/kdf';
import type { TempDirs } from '../../helpers/temp';

const t = (uk: string, en: string) => ({ uk, en });

const SECTION_B = findSection(CURRENT_TEMPLATE, 'B') as Section;

const SECTIONS_V1: Section[] = [
  SECTION_B,
  {
    id: 'C',
    title: t('Особа', 'Identity'),
    fields: [
      { id: 'name', kind: 'text', sensitivity: 'identifying', label: t('Ім’я', 'Name') },
      { id: 'birth_date', kind: 'date', sensitivity: 'identifying', label: t('Дата', 'Date') },
      { id: 'account', kind: 'narrative', sensitivity: 'other', label: t('Розповідь', 'Account') },
      { id: 'pow', kind: 'yesno', sensitivity: 'identifying', label: t('Полонений', 'POW') },
      {
        id: 'colour',
        kind: 'choice',
        vocabulary: 'test_colours',
        sensitivity: 'other',
        label: t('Колір', 'Colour'),
      },
      {
        id: 'colours',
        kind: 'multi',
        vocabulary: 'test_colours',
        sensitivity: 'other',
        label: t('Кольори', 'Colours'),
      },
      { id: 'injuries', kind: 'bodymap', sensitivity: 'medical', label: t('Травми', 'Injuries') },
    ],
  },
  {
    id: 'F',
    title: t('Місця', 'Places'),
    fields: [
      {
        id: 'places',
        kind: 'group',
        sensitivity: 'location',
        label: t('Місця', 'Places'),
        itemLabel: t('Місце', 'Place'),
        fields: [
          { id: 'facility', kind: 'place', sensitivity: 'location', label: t('Місце', 'Place') },
          { id: 'date_in', kind: 'date', sensitivity: 'other', label: t('Дата', 'Date in') },
          { id: 'conditions', kind: 'text', sensitivity: 'other', label: t('Умови', 'Conditions') },
          {
            id: 'guard',
            kind: 'person',
            register: 'perpetrators',
            sensitivity: 'identifying',
            label: t('Охоронець', 'Guard'),
          },
        ],
      },
      {
        id: 'commander',
        kind: 'person',
        register: 'perpetrators',
        sensitivity: 'identifying',
        label: t('Командир', 'Commander'),
      },
      {
        id: 'co_detainee',
        kind: 'person',
        register: null,
        sensitivity: 'identifying',
        label: t('Співкамерник', 'Co-detainee'),
      },
    ],
  },
  {
    id: 'SV',
    title: t('Сексуальне насильство', 'Sexual violence'),
    gate: 'sexual_violence',
    fields: [
      { id: 'account', kind: 'narrative', sensitivity: 'sexual_violence', label: t('a', 'a') },
    ],
  },
];

const base = {
  id: 'svidok-test',
  title: t('Тестовий шаблон', 'Test template'),
  sources: ['tests'],
  consentExplanation: CURRENT_TEMPLATE.consentExplanation,
  vocabularies: [
    ...CURRENT_TEMPLATE.vocabularies,
    {
      id: 'test_colours',
      label: t('Кольори', 'Colours'),
      terms: [
        { code: 'blue', label: t('синій', 'blue') },
        { code: 'yellow', label: t('жовтий', 'yellow') },
      ],
    },
  ],
};

export const TEST_TEMPLATE_V1: Template = { ...base, version: 1, sections: SECTIONS_V1 };

/** Version 2 asks one more thing in section C; testimonies taken with v1 must not get it. */
export const TEST_TEMPLATE_V2: Template = {
  ...base,
  version: 2,
  sections: SECTIONS_V1.map((s) =>
    s.id === 'C'
      ? {
          ...s,
          fields: [
            ...s.fields,
            { id: 'pseudonym', kind: 'text', sensitivity: 'identifying', label: t('П', 'P') },
          ],
        }
      : s,
  ),
};

const TEST_TEMPLATES = [TEST_TEMPLATE_V1, TEST_TEMPLATE_V2];

export interface InterviewFixture extends Services {
  readonly dir: string;
  db(): Db;
  /** A testimony taken with `template` (test template v1 unless said). */
  testimony(template?: Template, recordCode?: string): string;
  /** Saves section B granting `scopes` (interview and storing identifying data by default). */
  giveConsent(testimonyId: string, scopes?: readonly ConsentScope[]): void;
  close(): void;
}

export async function openInterviewFixture(dirs: TempDirs): Promise<InterviewFixture> {
  const dir = dirs.make('interviews');
  const services = createServices({ vaultDir: dir, log: silentLogger, vault: { kdf: FAST_KDF } });
  await services.vault.create(PASSPHRASE);
  services.custody.record('vault.created');
  const db = () => services.vault.database();
  const author = () => `device:${services.custody.publicKey()}`;
  let pin: TemplatePin = TEST_TEMPLATE_V1;
  const testimonies = new TestimonyStore({
    db,
    custody: services.custody,
    author,
    consent: services.consent,
    template: () => pin,
  });
  const interviews = new InterviewStore({
    db,
    custody: services.custody,
    author,
    template: (id, version) =>
      TEST_TEMPLATES.find((x) => x.id === id && x.version === version) ?? getTemplate(id, version),
  });
  let n = 0;
  return {
    ...services,
    testimonies,
    interviews,
    dir,
    db,
    testimony(template = TEST_TEMPLATE_V1, recordCode = `UA-T-${++n}`) {
      pin = template;
      return testimonies.create(recordCode).id;
    },
    giveConsent(testimonyId, scopes = STORE_SCOPES) {
      const revision = interviews.get(testimonyId).sections['B']?.revision ?? 0;
      interviews.saveSection(testimonyId, 'B', consentAnswers(scopes), revision);
    },
    close: () => services.vault.lock(),
  };
}
