/**
 * Ukrainian-like testimony text for load tests. Each text draws on a few themes (a basement, an
 * interrogation, a filtration camp...), the way real statements differ from one another, so a
 * search term occurs in some texts and not others; within a text, common words are picked far
 * more often than rare ones (roughly Zipf). The themes carry the inflected forms a search has to
 * find: 'підвал', 'підвалі', 'підвалом'; 'допит', 'допитували'; 'катування', 'катували'.
 */
import type { Rng } from './prng';
import { pick, randomInt } from './prng';

const words = (s: string) => s.split(/\s+/).filter((w) => w.length > 0);

const FUNCTION = words(`і в на що не з до я ми нас мене нам мені вони їх їм він його йому вона
  її це той та як але за по від після перед коли тоді там тут ще вже потім навіть лише теж усі
  кожен де чому бо щоб хто який яка які було був була були буде є немає під над через біля між без`);

const GENERAL = words(`тримали забрали привезли відвезли вивели завели кинули зачинили кричали
  мовчав питали вимагали говорити сказали казали пам'ятаю бачив бачила чув чула знаю знали
  впізнав впізнала день дні днів ніч ночі вночі вранці ввечері тиждень тижнів місяць місяців
  село села селі місто міста місті вулиця вулиці будинок будинку двір дворі люди людей сусід
  сусіда сусіди солдати солдатів військові військових охорона охоронці командир командира
  офіцер офіцера прізвище позивний позивним російською мовою холод холодно темно темряві світло
  голову голові руки руках ноги ногах очі обличчя спину мішок мішком затримали затримання`);

/** Themes and how often a statement touches each: the chance a term occurs in a text. */
const THEMES: ReadonlyArray<{ readonly share: number; readonly words: readonly string[] }> = [
  { share: 0.35, words: words('підвал підвалі підвалу підвалом підвалах бетонна підлога сирість') },
  { share: 0.5, words: words('допит допиту допитували допитів допитах допиті допитувач питання') },
  { share: 0.4, words: words('катували катування катувань катуваннями катувальники катував') },
  { share: 0.45, words: words('били побили удари ударів прикладом кийками палицями ребра зуби') },
  { share: 0.12, words: words('фільтраційний фільтрації фільтраційному табір таборі табору') },
  { share: 0.1, words: words('струм струмом дроти електрошок електрошоком тапік') },
  { share: 0.2, words: words('гараж гаражі яма ямі ями школа школі спортзалі завод заводі') },
  { share: 0.3, words: words('вода води воду їжа їжі хліб голод спрага') },
  { share: 0.25, words: words('погрожували погрожував розстріляти розстріл стріляли постріли') },
  { share: 0.2, words: words('вибухи вибух обстріл обстрілу ракета снаряд') },
  { share: 0.25, words: words('поранений поранення кров крові біль болю лікар лікаря ліки') },
  { share: 0.3, words: words('відпустили звільнили обміняли обмін повернувся повернулася втеча') },
  { share: 0.3, words: words('обшук обшуку телефон телефоні документи паспорт перевірка') },
  { share: 0.2, words: words('колона колоні автобус автобусі машина машині вантажівка блокпост') },
  {
    share: 0.4,
    words: words(`брат брата сестра сестри мати матір батько батька син сина дружина
    дружину чоловік чоловіка діти дітей`),
  },
];

/** Index into a list, biased towards its start: early words are common, late ones rare. */
function zipfIndex(rng: Rng, length: number): number {
  return Math.min(length - 1, Math.floor(length * rng() ** 2));
}

function themeWords(rng: Rng): string[] {
  const chosen = THEMES.filter((theme) => rng() < theme.share).flatMap((theme) => theme.words);
  return chosen.length > 0 ? chosen : [...(THEMES[0] as { words: readonly string[] }).words];
}

function sentence(rng: Rng, themed: readonly string[]): string {
  const out: string[] = [];
  const count = randomInt(rng, 5, 18);
  for (let i = 0; i < count; i++) {
    const r = rng();
    if (r < 0.45) out.push(pick(rng, FUNCTION));
    else if (r < 0.75) out.push(GENERAL[zipfIndex(rng, GENERAL.length)] as string);
    else out.push(pick(rng, themed));
  }
  const first = out[0] as string;
  out[0] = first.charAt(0).toUpperCase() + first.slice(1);
  if (count > 9 && rng() < 0.4) out[randomInt(rng, 3, count - 3)] += ',';
  return out.join(' ') + (rng() < 0.9 ? '.' : rng() < 0.5 ? '?' : '!');
}

/** A statement of about `targetChars` characters (never fewer), in paragraphs. */
export function prose(rng: Rng, targetChars: number): string {
  const themed = themeWords(rng);
  const paragraphs: string[] = [];
  let length = 0;
  while (length < targetChars) {
    const sentences: string[] = [];
    const count = randomInt(rng, 2, 7);
    for (let i = 0; i < count && length < targetChars; i++) {
      const s = sentence(rng, themed);
      sentences.push(s);
      length += s.length + 1;
    }
    paragraphs.push(sentences.join(' '));
    length += 1;
  }
  return paragraphs.join('\n');
}

/** Sentences for editing a statement in place (an autosave changes a little at a time). */
export function sentences(rng: Rng, count: number): string[] {
  const themed = themeWords(rng);
  return Array.from({ length: count }, () => sentence(rng, themed));
}
