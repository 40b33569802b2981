import { describe, expect, it } from 'vitest';
import { findPatterns, suggestRedactions } from '../../../shared/redaction';
import type { PatternKind } from '../../../shared/redaction';
import { IDS, baseDocument } from './documents';

const kinds = (text: string) => findPatterns(text).map((m) => [m.kind, m.text]);
const only = (text: string, kind: PatternKind) =>
  findPatterns(text)
    .filter((m) => m.kind === kind)
    .map((m) => m.text);

describe('findPatterns', () => {
  it('phone numbers: Ukrainian and international forms', () => {
    for (const phone of [
      '+380671234567',
      '+380 67 123 45 67',
      '+380 (67) 123-45-67',
      '067 123 45 67',
      '(067) 123-45-67',
      '0671234567',
      '+49 30 1234567',
    ]) {
      expect(kinds(`дзвоніть на ${phone}, ввечері`), phone).toEqual([['phone', phone]]);
    }
  });

  it('not a phone: short numbers, years, a 9-digit local number', () => {
    expect(only('кімната 12345, у 2022 році, 067 123 45', 'phone')).toEqual([]);
  });

  it('e-mail addresses', () => {
    expect(only('пишіть: mariana.k+1@ukr.net або ivan@пошта.укр.', 'email')).toEqual([
      'mariana.k+1@ukr.net',
      'ivan@пошта.укр',
    ]);
    expect(only('не адреса: a@b, @ivan, ivan@', 'email')).toEqual([]);
  });

  it('dates of birth: a date near a birth word, in Ukrainian, Russian or English', () => {
    expect(only('Я народилася 12.03.1985 у Херсоні', 'birth_date')).toEqual(['12.03.1985']);
    expect(only('дата рождения: 1/2/1990', 'birth_date')).toEqual(['1/2/1990']);
    expect(only('Born 01-02-1979.', 'birth_date')).toEqual(['01-02-1979']);
  });

  it('not a date of birth: other dates, impossible dates; neither is claimed as a number', () => {
    expect(findPatterns('12.03.2022 нас забрали о 5 ранку')).toEqual([]);
    expect(only('народження 45.13.1985', 'birth_date')).toEqual([]);
  });

  it('document and service numbers', () => {
    expect(only('паспорт АА123456, закордонний FE123456', 'document_number')).toEqual([
      'АА123456',
      'FE123456',
    ]);
    expect(only('військовий квиток АБ 123456', 'document_number')).toEqual(['АБ 123456']);
    expect(only('особистий номер Д-1234567', 'document_number')).toEqual(['Д-1234567']);
    expect(only('ІПН 3012345678', 'document_number')).toEqual(['3012345678']);
  });

  it('not a document number: short runs, unit numbers', () => {
    expect(only('в/ч 12345, камера 12, А1234', 'document_number')).toEqual([]);
  });

  it('coordinates: decimal pairs and degrees-minutes-seconds', () => {
    expect(only('точка 48.4647, 35.0462 на мапі', 'coordinates')).toEqual(['48.4647, 35.0462']);
    expect(only('48°27′53″N 35°02′46″E', 'coordinates')).toEqual(['48°27′53″N', '35°02′46″E']);
  });

  it('not coordinates: out of range, too few decimals', () => {
    expect(only('95.1234, 35.0462 і 48.4, 35.0', 'coordinates')).toEqual([]);
  });
});

describe('suggestRedactions', () => {
  const suggestions = suggestRedactions(baseDocument(), [
    'Петро',
    { text: 'Вулиця Садова', category: 'place' },
  ]);
  const find = (text: string) => suggestions.filter((s) => s.text === text);

  it('offers the values of identifying fields, whole and by name part', () => {
    expect(find('Ковальчук Марʼяна Іванівна')).toEqual([
      {
        text: 'Ковальчук Марʼяна Іванівна',
        category: 'name',
        source: 'identifying_field',
        field: 'C.name_uk',
      },
    ]);
    for (const part of ['Ковальчук', 'Марʼяна', 'Іванівна', 'Маша', 'Mariana Kovalchuk']) {
      expect(find(part), part).toHaveLength(1);
    }
    expect(find('mariana@example.org')[0]).toMatchObject({
      category: 'contact',
      field: 'C.contact',
    });
    expect(find('ЕК123456')[0]).toMatchObject({
      category: 'other',
      source: 'identifying_field',
      field: `C.documents[${IDS.doc1}].number`,
    });
  });

  it('offers the date of birth as stored and as written by hand', () => {
    expect(find('1985-03-12')[0]).toMatchObject({ source: 'birth_date', field: 'C.birth_date' });
    expect(find('12.03.1985')[0]).toMatchObject({ source: 'birth_date' });
  });

  it('does not offer codes, other sensitivities, or declined answers', () => {
    expect(find('female')).toEqual([]);
    expect(find('Астма з дитинства.')).toEqual([]);
    expect(suggestions.some((s) => s.field === 'C.service_number')).toBe(false);
  });

  it('offers patterns found in the texts', () => {
    expect(find('+380 67 123 45 67')).toEqual([
      { text: '+380 67 123 45 67', category: 'contact', source: 'phone', field: 'narrative' },
    ]);
  });

  it('offers register names only where the texts name them', () => {
    expect(find('Грім')).toEqual([
      { text: 'Грім', category: 'name', source: 'register', field: 'narrative' },
    ]);
    expect(find('Петро')[0]).toMatchObject({ source: 'register', field: 'E.circumstances' });
    // In the register, but in no text of the testimony.
    expect(find('Сидоренко')).toEqual([]);
    expect(find('Херсонський СІЗО')).toEqual([]);
    expect(find('Вулиця Садова')).toEqual([]);
  });

  it('offers each thing once, whatever its case or apostrophe', () => {
    const doc = baseDocument();
    doc.sections.C!.other_names = { state: 'answered', value: "МАР'ЯНА; марʼяна; Ковальчук" };
    const keys = suggestRedactions(doc).map((s) => s.text.toLowerCase().replace(/['ʼ’]/gu, "'"));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k === "мар'яна")).toHaveLength(1);
  });
});
