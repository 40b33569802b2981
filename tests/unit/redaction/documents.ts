/** Test documents for the redaction engine: a testimony.json v2 with the built-in template. */
import { createHash } from 'node:crypto';
import { TORTURE_DETENTION_V1 } from '../../../shared/forms/templates/torture-detention-v1';
import type { Redaction, RedactionCategory } from '../../../shared/redaction';
import { TESTIMONY_SCHEMA_V2 } from '../../../shared/testimony-json';
import type { TestimonyJsonV2 } from '../../../shared/testimony-json';

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const IDS = {
  testimony: '11111111-1111-4111-8111-111111111111',
  item1: '22222222-2222-4222-8222-222222222221',
  item2: '22222222-2222-4222-8222-222222222222',
  doc1: '22222222-2222-4222-8222-222222222223',
  facility: '33333333-3333-4333-8333-333333333331',
  perpetrator: '33333333-3333-4333-8333-333333333332',
  perpetratorSv: '33333333-3333-4333-8333-333333333333',
  photo: '44444444-4444-4444-8444-444444444441',
  scan: '44444444-4444-4444-8444-444444444442',
} as const;

export const NARRATIVE =
  "Мене звати Марʼяна Ковальчук. КОВАЛЬЧУК — так кричав «Грім». Мар’яна, мар'яна. Телефон +380 67 123 45 67.";

export function baseDocument(): TestimonyJsonV2 {
  return {
    schema: TESTIMONY_SCHEMA_V2,
    id: IDS.testimony,
    recordCode: 'KH-2026-001',
    createdAt: '2026-01-01T10:00:00Z',
    updatedAt: '2026-01-02T10:00:00Z',
    template: { id: TORTURE_DETENTION_V1.id, version: TORTURE_DETENTION_V1.version },
    templateDefinition: JSON.parse(
      JSON.stringify(TORTURE_DETENTION_V1),
    ) as TestimonyJsonV2['templateDefinition'],
    sections: {
      C: {
        name_uk: { state: 'answered', value: 'Ковальчук Марʼяна Іванівна' },
        other_names: { state: 'answered', value: 'Маша; Mariana Kovalchuk' },
        birth_date: { state: 'answered', value: '1985-03-12' },
        sex: { state: 'answered', value: 'female' },
        contact: { state: 'answered', value: 'mariana@example.org' },
        service_number: { state: 'declined' },
        health_before: { state: 'answered', value: 'Астма з дитинства.' },
        documents: {
          state: 'answered',
          value: {
            items: [
              {
                id: IDS.doc1,
                answers: { number: { state: 'answered', value: 'ЕК123456' } },
              },
            ],
          },
        },
      },
      E: {
        place: { state: 'answered', value: { ref: IDS.facility } },
        circumstances: {
          state: 'answered',
          value: 'Забрали з дому в Ковальчуків, поруч був сусід Петро.',
        },
        captured_with: {
          state: 'answered',
          value: {
            items: [
              {
                id: IDS.item1,
                answers: {
                  who: { state: 'answered', value: { text: 'Петро Гнатюк' } },
                  known_now: { state: 'unknown' },
                },
              },
            ],
          },
        },
      },
      I: {
        acts: {
          state: 'answered',
          value: {
            items: [
              {
                id: IDS.item1,
                answers: {
                  place: { state: 'answered', value: { text: 'підвал на вулиці Шевченка' } },
                  description: {
                    state: 'answered',
                    value: 'Били. Ковальчук мовчала. «Грім» сміявся.',
                  },
                  perpetrator: { state: 'answered', value: { ref: IDS.perpetrator } },
                  methods: { state: 'answered', value: ['beating'] },
                },
              },
              {
                id: IDS.item2,
                answers: {
                  description: { state: 'answered', value: 'Допит уночі.' },
                },
              },
            ],
          },
        },
      },
      SV: {
        account: { state: 'answered', value: 'Те, що особа розповіла.' },
        perpetrator: { state: 'answered', value: { ref: IDS.perpetratorSv } },
      },
    },
    consent: { granted: ['interview', 'store_identifying'], withdrawn: [], canStore: true },
    events: [
      { seq: 1, kind: 'session_started', at: '2026-01-01T10:00:00Z' },
      {
        seq: 2,
        kind: 'session_stopped',
        at: '2026-01-01T11:00:00Z',
        reason: 'Подзвонив син Марʼяни Ковальчук.',
      },
    ],
    narrative: { text: NARRATIVE, revision: 4, sha256: sha256(NARRATIVE) },
    attachments: [
      {
        id: IDS.photo,
        fileName: 'Ковальчук_рука.jpg',
        size: 10,
        sha256: 'a'.repeat(64),
        path: 'data/testimonies/KH-2026-001/attachments/Ковальчук_рука.jpg',
      },
      {
        id: IDS.scan,
        fileName: 'scan.pdf',
        size: 20,
        sha256: 'b'.repeat(64),
        path: 'data/testimonies/KH-2026-001/attachments/scan.pdf',
      },
    ],
    registers: {
      facilities: [
        {
          id: IDS.facility,
          name: 'Херсонський СІЗО',
          kind: 'pre_trial_detention',
          location: 'Херсон',
          aliases: ['СІЗО Ковальчука'],
        },
      ],
      perpetrators: [
        {
          id: IDS.perpetrator,
          names: ['Сидоренко'],
          callSigns: ['Грім'],
          unit: 'в/ч 12345',
          description: 'Високий, кричав на Ковальчук.',
        },
        {
          id: IDS.perpetratorSv,
          names: ['Іваненко'],
          callSigns: [],
          unit: '',
          description: '',
        },
      ],
    },
  };
}

let counter = 0;
/** A fresh, valid redaction id. */
export function rid(): string {
  counter++;
  return `55555555-5555-4555-8555-${counter.toString(16).padStart(12, '0')}`;
}

export const entity = (text: string, category: RedactionCategory = 'name'): Redaction => ({
  id: rid(),
  kind: 'entity',
  category,
  text,
});

export const field = (path: string, category: RedactionCategory = 'other'): Redaction => ({
  id: rid(),
  kind: 'field',
  category,
  field: path,
});

export const span = (
  path: string,
  revision: number,
  start: number,
  end: number,
  category: RedactionCategory = 'name',
): Redaction => ({ id: rid(), kind: 'span', category, field: path, revision, start, end });
