import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section } from '../../../shared/forms/template';
import { useLocalText } from './local-text';
import type { SectionStore } from './section-store';
import { useProgress } from './use-interview';

export const NARRATIVE_PAGE = 'narrative';

/**
 * The sections of the interview, the free account first, each with how far it got (answered,
 * unknown, declined, not asked yet) and a mark when it was skipped.
 */
export function SectionNavigator({
  sections,
  stores,
  current,
  skipped,
  onSelect,
  children,
}: {
  sections: readonly Section[];
  stores: (id: string) => SectionStore | undefined;
  current: string;
  skipped: ReadonlySet<string>;
  onSelect: (page: string) => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const navRef = useRef<HTMLElement>(null);
  // The current section stays in view in the navigator's own scroll.
  useEffect(() => {
    const nav = navRef.current;
    const item = nav?.querySelector<HTMLElement>('[aria-current="step"]');
    if (!nav || !item) return;
    const box = nav.getBoundingClientRect();
    const at = item.getBoundingClientRect();
    if (at.top < box.top) nav.scrollTop -= box.top - at.top;
    else {
      // Before the page scrolls, the sticky navigator may reach below the window.
      const bottom = Math.min(box.bottom, window.innerHeight);
      if (at.bottom > bottom) nav.scrollTop += at.bottom - bottom;
    }
  }, [current]);
  return (
    <nav className="section-nav" aria-label={t('interview.sections')} ref={navRef}>
      <ol>
        <li>
          <button
            type="button"
            className="nav-item"
            aria-current={current === NARRATIVE_PAGE ? 'step' : undefined}
            onClick={() => onSelect(NARRATIVE_PAGE)}
          >
            <span className="nav-title">{t('interview.freeAccount')}</span>
            <span className="nav-sub">{t('interview.freeAccountSub')}</span>
          </button>
        </li>
        {sections.map((section) => {
          const store = stores(section.id);
          return store ? (
            <NavItem
              key={section.id}
              section={section}
              store={store}
              current={current === section.id}
              skipped={skipped.has(section.id)}
              onSelect={onSelect}
            />
          ) : null;
        })}
      </ol>
      {children}
    </nav>
  );
}

const NavItem = memo(function NavItem({
  section,
  store,
  current,
  skipped,
  onSelect,
}: {
  section: Section;
  store: SectionStore;
  current: boolean;
  skipped: boolean;
  onSelect: (page: string) => void;
}) {
  const { t } = useTranslation();
  const lt = useLocalText();
  const p = useProgress(store);
  const total = p.answered + p.unknown + p.declined + p.notAsked;
  const done = total - p.notAsked;
  return (
    <li>
      <button
        type="button"
        className="nav-item"
        aria-current={current ? 'step' : undefined}
        data-section={section.id}
        onClick={() => onSelect(section.id)}
      >
        <span className="nav-title">
          {t('interview.sectionTitle', { id: section.id, title: lt(section.title) })}
        </span>
        <span className="nav-progress">
          {/* Segments sized by flex-grow (CSSOM, allowed by the CSP); the words are below. */}
          <span className="progress-bar" aria-hidden="true">
            <span className="seg-answered" style={{ flexGrow: p.answered }} />
            <span className="seg-unknown" style={{ flexGrow: p.unknown }} />
            <span className="seg-declined" style={{ flexGrow: p.declined }} />
            <span className="seg-rest" style={{ flexGrow: p.notAsked }} />
          </span>
          <span className="nav-count" aria-hidden="true">
            {t('interview.progressShort', { done, total })}
          </span>
          {skipped && <span className="tag tag-skipped">{t('interview.skipped')}</span>}
        </span>
        <span className="visually-hidden">{t('interview.progress', { ...p })}</span>
      </button>
    </li>
  );
});
